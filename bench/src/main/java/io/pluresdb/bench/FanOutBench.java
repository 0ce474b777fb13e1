package io.pluresdb.bench;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.pluresdb.crdt.schema.ColumnDef;
import io.pluresdb.crdt.schema.ColumnType;
import io.pluresdb.crdt.schema.SchemaChange;
import io.pluresdb.crdt.schema.TableDef;
import io.pluresdb.crdt.store.OnConflict;
import io.pluresdb.crdt.store.Store;
import io.pluresdb.crdt.store.StoreConfig;
import io.pluresdb.crdt.store.WriteTxn;
import io.pluresdb.sync.netty.Admission;
import io.pluresdb.sync.netty.Limits;
import io.pluresdb.sync.netty.SessionLink;
import io.pluresdb.sync.netty.SyncClient;
import io.pluresdb.sync.netty.TlsSettings;
import io.pluresdb.sync.protocol.SyncConfig;
import io.pluresdb.sync.replicator.Replicator;
import io.pluresdb.sync.replicator.ReplicatorConfig;
import io.pluresdb.sync.replicator.SessionFactory;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;

/**
 * Fan-out: transactions delivered per second from one hub to N connected loopback clients, each
 * receiving every transaction, beside a bare Netty server writing the same frame to the same number
 * of channels ({@link NettyFanOut}). A round commits {@code K} single-row transactions on the hub,
 * one at a time, and ends when every client has counted all of them; deliveries are N × K. The
 * clients are {@link CountingPeer}s (they hold no store), so the hub is what is measured; they run
 * in a process of their own ({@link FanOutClients}), so 10,000 fit in a process's open files and
 * the hub's process shows its memory per session alone. A timing over whole rounds, not JMH: run it
 * with {@code java -cp bench/target/benchmarks.jar io.pluresdb.bench.FanOutBench [clients
 * [transactions [rounds]]]}.
 */
final class FanOutBench {
  static final String TOKEN = "bench";
  static final Duration WAIT = Duration.ofMinutes(5);

  /**
   * The hub's sessions wait for a silent client as long as the benchmark waits for deliveries: with
   * 10,000 clients on a saturated machine a client's answer to a ping can take longer than the
   * default 30 seconds, and a client dropped for it would never count its deliveries.
   */
  private static final SyncConfig PATIENT =
      SyncConfig.defaults().toBuilder().heartbeat(Duration.ofSeconds(10), WAIT).build();

  /** Client handshakes started at once, at most. */
  private static final int CONNECT_SLICE = 250;

  private FanOutBench() {}

  public static void main(String[] args) throws Exception {
    int clients = args.length > 0 ? Integer.parseInt(args[0]) : 200;
    int transactions = args.length > 1 ? Integer.parseInt(args[1]) : 2_000;
    int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 3;
    Path dir = Fixture.tempDir("bench-fanout");
    try (Store hub = Store.open(StoreConfig.file(dir.resolve("hub.db")))) {
      createTable(hub);
      int bound = clients + 16;
      Replicator replicator =
          Replicator.start(
              hub,
              ReplicatorConfig.of(new InetSocketAddress("127.0.0.1", 0), List.of(), TOKEN)
                  .withAdmission(new Admission(Duration.ofSeconds(60), bound, bound, bound)),
              SessionFactory.protocol(hub, PATIENT));
      try (replicator) {
        URI url = URI.create("ws://127.0.0.1:" + replicator.listenAddress().getPort());
        Footprint alone = Footprint.now();
        Footprint held;
        double[] ours = new double[rounds];
        try (FanOutClients peers = new FanOutClients(url, clients, hub.databaseId())) {
          // each client catches up with the table's creation, then streams live
          long delivered = clients;
          peers.await(delivered);
          held = Footprint.now();
          for (int r = 0; r < rounds; r++) {
            long start = System.nanoTime();
            for (int i = 0; i < transactions; i++) {
              insert(hub, (long) r * transactions + i);
            }
            delivered += (long) clients * transactions;
            peers.await(delivered);
            ours[r] = rate(clients, transactions, start);
          }
        }
        byte[] record = hub.readLog(hub.lastSeq() - 1, 1).get(0).record();
        double[] base = baseline(clients, transactions, rounds, record);
        print(clients, transactions, ours, base, record.length);
        System.out.println(
            "hub memory per connected idle session: " + alone.perItem(held, clients));
      }
    } finally {
      Fixture.deleteTree(dir);
    }
  }

  private static double[] baseline(int clients, int transactions, int rounds, byte[] record)
      throws Exception {
    double[] rates = new double[rounds];
    EventLoopGroup io = new MultiThreadIoEventLoopGroup(2, NioIoHandler.newFactory());
    try (NettyFanOut server = new NettyFanOut(io);
        FanOutClients peers =
            new FanOutClients(URI.create("ws://127.0.0.1:" + server.port()), clients, "")) {
      await(() -> server.connected() >= clients, "clients joining the baseline");
      long delivered = 0;
      for (int r = 0; r < rounds; r++) {
        long start = System.nanoTime();
        for (int i = 0; i < transactions; i++) {
          server.send(record);
        }
        delivered += (long) clients * transactions;
        peers.await(delivered);
        rates[r] = rate(clients, transactions, start);
      }
    } finally {
      io.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
    }
    return rates;
  }

  /**
   * Connects {@code clients} {@link CountingPeer}s to {@code url}, a slice at a time: each slice's
   * WebSocket handshakes complete before the next starts, so that on a loaded machine few
   * handshakes wait long enough to time out; a client whose connection ends before its handshake
   * completes connects again, as a real client redials (one that never joined would never count).
   */
  static void connect(
      EventLoopGroup io,
      ExecutorService pool,
      URI url,
      int clients,
      String database,
      AtomicLong delivered)
      throws InterruptedException {
    AtomicLong joined = new AtomicLong();
    Queue<String> redial = new ConcurrentLinkedQueue<>();
    for (int k = 0; k < clients; k++) {
      connectOne(
          io,
          pool,
          url,
          String.format(Locale.ROOT, "%012x", 0x7e0000000000L + k),
          database,
          delivered,
          joined,
          redial);
      long started = k + 1;
      if (started % CONNECT_SLICE == 0 || started == clients) {
        await(
            () -> {
              for (String node = redial.poll(); node != null; node = redial.poll()) {
                connectOne(io, pool, url, node, database, delivered, joined, redial);
              }
              return joined.get() >= started;
            },
            "client handshakes");
      }
    }
  }

  private static void connectOne(
      EventLoopGroup io,
      ExecutorService pool,
      URI url,
      String node,
      String database,
      AtomicLong delivered,
      AtomicLong joined,
      Queue<String> redial) {
    AtomicBoolean open = new AtomicBoolean();
    SyncClient.connect(
            io,
            url,
            TlsSettings.none(),
            Limits.defaults(),
            ch -> {
              open.set(true);
              return new SessionLink(
                  ch,
                  new CountingPeer(node, database, TOKEN, delivered, joined),
                  pool,
                  Limits.defaults(),
                  "bench");
            })
        .channel()
        .closeFuture()
        .addListener(
            f -> {
              if (!open.get()) {
                redial.add(node);
              }
            });
  }

  private static double rate(int clients, int transactions, long startNanos) {
    double seconds = (System.nanoTime() - startNanos) / 1e9;
    return clients * (double) transactions / seconds;
  }

  private static void print(
      int clients, int transactions, double[] ours, double[] base, int recordBytes) {
    double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    System.out.printf(
        Locale.ROOT,
        "fan-out: %d clients, %d transactions a round, %d-byte records, load average %.1f%n",
        clients,
        transactions,
        recordBytes,
        load);
    System.out.println("| round | hub deliveries/s | Netty baseline deliveries/s | ratio |");
    System.out.println("|---|---|---|---|");
    for (int r = 0; r < ours.length; r++) {
      System.out.printf(
          Locale.ROOT,
          "| %d | %,.0f | %,.0f | %.2f |%n",
          r + 1,
          ours[r],
          base[r],
          ours[r] / base[r]);
    }
  }

  static void await(BooleanSupplier done, String what) throws InterruptedException {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (!done.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(what + " did not finish within " + WAIT);
      }
      Thread.sleep(1);
    }
  }

  static void createTable(Store s) throws SQLException {
    TableDef t =
        new TableDef(
            "t",
            List.of(
                new ColumnDef("id", ColumnType.BIGINT, 0, 0, false, null, false),
                ColumnDef.of("v", ColumnType.VARCHAR)),
            List.of("id"),
            List.of(),
            List.of(),
            List.of());
    try (WriteTxn tx = s.beginWrite(WAIT)) {
      tx.schema(new SchemaChange.CreateTable(t));
      tx.commit();
    }
  }

  static void insert(Store s, long id) throws SQLException {
    try (WriteTxn tx = s.beginWrite(WAIT)) {
      tx.insert("t", new Object[] {id, "value " + id}, OnConflict.ERROR);
      tx.commit();
    }
  }
}
