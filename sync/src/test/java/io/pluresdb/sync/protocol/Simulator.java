package io.pluresdb.sync.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import io.pluresdb.crdt.clock.OpId;
import io.pluresdb.crdt.schema.TableDef;
import io.pluresdb.crdt.store.Store;
import io.pluresdb.crdt.store.StoreConfig;
import io.pluresdb.crdt.store.WriteTxn;
import io.pluresdb.sync.protocol.CloseReason.Code;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;

/**
 * A seeded, deterministic network of nodes replicating through lossy links. Within one connection
 * frames arrive in order, as over a WebSocket; the simulator varies everything else: which
 * connection moves next (reordering across connections), how long frames wait (delay), connection
 * resets that lose the frames in flight (drop, then reconnection with fresh sessions, which re-send
 * what was not acknowledged: duplicates), partitions, heartbeats and timeouts on a simulated clock,
 * and random writes on every node: concurrent writes to the same rows, deletes, multi-row
 * transactions, new tables and columns, notifications. After {@link #heal} every node must hold the
 * same rows in every table and the same version vector, and every transaction any node committed.
 *
 * <p>Not thread-safe: one test thread.
 */
final class Simulator implements AutoCloseable {
  private static final Set<Code> BENIGN = EnumSet.of(Code.NORMAL, Code.TIMEOUT);

  private final long seed;
  private final Random random;
  private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
  private final SimNet net = new SimNet();
  private final List<SimNet.Node> nodes = new ArrayList<>();
  private final List<Link> links = new ArrayList<>();
  private final List<OpId> committed = new ArrayList<>();
  private final List<CloseReason> closes = new ArrayList<>();
  private final SyncConfig config;
  private int tables;

  /** A pair of nodes that connect (client to server) whenever the link is up. */
  private final class Link {
    final SimNet.Node client;
    final SimNet.Node server;
    SimNet.Conn conn;
    boolean cut;

    Link(SimNet.Node client, SimNet.Node server) {
      this.client = client;
      this.server = server;
    }

    boolean up() {
      return conn != null && conn.open;
    }

    void connect() {
      record();
      conn = net.connect(client, server);
    }

    void record() {
      if (conn != null) {
        for (SimNet.End e : List.of(conn.client, conn.server)) {
          CloseReason r = e.session.status().closeReason();
          if (r != null) {
            closes.add(r);
          }
        }
      }
    }
  }

  Simulator(Path dir, long seed) throws Exception {
    this.seed = seed;
    this.random = new Random(seed);
    this.config =
        SyncConfig.builder()
            .clock(clock)
            .heartbeat(Duration.ofMillis(500), Duration.ofSeconds(2))
            .window(1 + random.nextInt(4))
            .batch(1 + random.nextInt(20), 256 + random.nextInt(4096))
            .build();
    Files.createDirectories(dir);
    int n = 3 + random.nextInt(2);
    for (int i = 0; i < n; i++) {
      Store s =
          Store.open(
              StoreConfig.file(dir.resolve("n" + i + ".db"))
                  .withClock(clock)
                  .withNodeName(String.format(Locale.ROOT, "%012x", i + 1)));
      nodes.add(net.node("n" + i, s, config));
    }
    boolean mesh = random.nextBoolean();
    for (int i = 1; i < n; i++) {
      for (int j = 0; j < i; j++) {
        if (mesh || j == 0) {
          links.add(new Link(nodes.get(i), nodes.get(j)));
        }
      }
    }
    Data.createTable(nodes.get(0).store, "shared");
    record(nodes.get(0).store);
    // fresh nodes join the hub's database first: a fresh node that served another fresh node
    // first would seal an identity of its own and split the mesh for good
    for (Link l : links) {
      if (l.server == nodes.get(0)) {
        l.connect();
      }
    }
    net.settle();
    for (Link l : links) {
      if (!l.up()) {
        l.connect();
      }
    }
  }

  /** Runs {@code steps} random steps of delivery, writes and faults. */
  void run(int steps) throws Exception {
    for (int i = 0; i < steps; i++) {
      clock.advance(Duration.ofMillis(random.nextInt(60)));
      int dice = random.nextInt(100);
      if (dice < 55) {
        net.step(random);
      } else if (dice < 75) {
        write(nodes.get(random.nextInt(nodes.size())));
      } else if (dice < 83) {
        tick();
      } else if (dice < 85) {
        drop();
      } else if (dice < 93) {
        reconnect();
      } else if (dice < 95) {
        partition();
      } else if (dice < 97) {
        for (Link l : links) {
          l.cut = false;
        }
      } else {
        nodes.get(random.nextInt(nodes.size())).store.notify("ch", "seed " + seed + " step " + i);
      }
    }
  }

  private void tick() {
    List<SimNet.Conn> open = net.openConns();
    if (!open.isEmpty()) {
      SimNet.Conn c = open.get(random.nextInt(open.size()));
      SimNet.End e = random.nextBoolean() ? c.client : c.server;
      e.session.tick(e);
    }
  }

  private void drop() {
    List<Link> up = links.stream().filter(Link::up).toList();
    if (!up.isEmpty()) {
      up.get(random.nextInt(up.size())).conn.reset();
    }
  }

  private void reconnect() {
    List<Link> down = links.stream().filter(l -> !l.up() && !l.cut).toList();
    if (!down.isEmpty()) {
      down.get(random.nextInt(down.size())).connect();
    }
  }

  private void partition() {
    Set<SimNet.Node> side = new HashSet<>();
    for (SimNet.Node n : nodes) {
      if (random.nextBoolean()) {
        side.add(n);
      }
    }
    for (Link l : links) {
      if (side.contains(l.client) != side.contains(l.server)) {
        l.cut = true;
        if (l.up()) {
          l.conn.reset();
        }
      }
    }
  }

  private void write(SimNet.Node node) throws Exception {
    Store s = node.store;
    List<TableDef> all = new ArrayList<>(s.catalog().tables().values());
    all.sort((x, y) -> x.name().compareTo(y.name()));
    int dice = random.nextInt(100);
    if (dice < 3 || all.isEmpty()) {
      Data.createTable(s, node.name + "_t" + tables++);
    } else if (dice < 6) {
      TableDef t = all.get(random.nextInt(all.size()));
      Data.addColumn(s, t.name(), node.name + "_c" + tables++);
    } else {
      TableDef t = all.get(random.nextInt(all.size()));
      try (WriteTxn tx = s.beginWrite(Data.WAIT)) {
        for (int k = 1 + (random.nextInt(4) == 0 ? random.nextInt(5) : 0); k > 0; k--) {
          long key = random.nextInt(8);
          if (random.nextInt(5) == 0) {
            tx.delete(t.name(), new Object[] {key});
          } else {
            Data.put(tx, t.name(), key, node.name + "@" + clock.millis());
          }
        }
        tx.commit();
      }
    }
    record(s);
  }

  /** Remembers the last transaction the store committed locally. */
  private void record(Store s) {
    OpId last = s.versionVector().lastOf(Long.parseLong(s.nodeId(), 16));
    if (last != null && (committed.isEmpty() || !committed.contains(last))) {
      committed.add(last);
    }
  }

  /** Ends partitions, reconnects every link and delivers everything until all is quiet. */
  void heal() {
    for (int round = 0; round < 100; round++) {
      for (Link l : links) {
        l.cut = false;
        if (!l.up()) {
          l.connect();
        }
      }
      net.settle();
      if (links.stream().allMatch(Link::up)) {
        return;
      }
    }
    List<CloseReason> why = new ArrayList<>();
    for (Link l : links) {
      if (!l.up()) {
        why.add(l.conn.client.session.status().closeReason());
        why.add(l.conn.server.session.status().closeReason());
      }
    }
    throw new AssertionError("seed " + seed + ": links keep closing after healing: " + why);
  }

  /** Every node holds the same rows, version vector and every committed transaction. */
  void assertConverged() throws Exception {
    for (Link l : links) {
      l.record();
    }
    assertThat(closes)
        .as("seed %d: sessions closed only by faults the simulator caused", seed)
        .allMatch(r -> BENIGN.contains(r.code()));
    Store first = nodes.get(0).store;
    var expected = Data.dump(first);
    for (SimNet.Node n : nodes) {
      assertThat(n.store.versionVector())
          .as("seed %d: version vector of %s", seed, n)
          .isEqualTo(first.versionVector());
      assertThat(Data.dump(n.store)).as("seed %d: tables of %s", seed, n).isEqualTo(expected);
      for (OpId tx : committed) {
        assertThat(n.store.versionVector().covers(tx))
            .as("seed %d: %s holds committed transaction %s", seed, n, tx)
            .isTrue();
      }
      assertThat(links)
          .allMatch(
              l ->
                  l.conn.client.session.status().state() == PeerStatus.State.LIVE
                      && l.conn.server.session.status().lag() == 0);
    }
  }

  /** A one-line summary: nodes, links, transactions, sessions ended by kind, rows. */
  String summary() throws Exception {
    java.util.Map<Code, Integer> byCode = new java.util.TreeMap<>();
    closes.forEach(r -> byCode.merge(r.code(), 1, Integer::sum));
    int rows = Data.dump(nodes.get(0).store).values().stream().mapToInt(List::size).sum();
    return String.format(
        Locale.ROOT,
        "seed %d: %d nodes, %d links, %d transactions, %d tables, %d rows, sessions ended %s",
        seed,
        nodes.size(),
        links.size(),
        committed.size(),
        nodes.get(0).store.catalog().tables().size(),
        rows,
        byCode);
  }

  int transactions() {
    return committed.size();
  }

  @Override
  public void close() throws Exception {
    net.close();
  }
}
