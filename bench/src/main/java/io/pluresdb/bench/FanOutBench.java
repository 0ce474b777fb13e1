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
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;

/**
 * Fan-out: transactions delivered per second from one hub to N connected loopback clients, each
 * receiving every transaction, beside a bare Netty server writing the same frame to the same number
 * of channels ({@link NettyFanOut}). A round commits {@code K} single-row transactions on the hub,
 * one at a time, and ends when every client has counted all of them; deliveries are N × K. The
 * clients are {@link CountingPeer}s (they hold no store), so the hub is what is measured. A timing
 * over whole rounds, not JMH: run it with {@code java -cp bench/target/benchmarks.jar
 * io.pluresdb.bench.FanOutBench [clients [transactions [rounds]]]}.
 */
final class FanOutBench {
  static final String TOKEN = "bench";
  static final Duration WAIT = Duration.ofMinutes(5);

  private FanOutBench() {}

  public static void main(String[] args) throws Exception {
    int clients = args.length > 0 ? Integer.parseInt(args[0]) : 200;
    int transactions = args.length > 1 ? Integer.parseInt(args[1]) : 2_000;
    int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 3;
    Path dir = Fixture.tempDir("bench-fanout");
    EventLoopGroup io = new MultiThreadIoEventLoopGroup(2, NioIoHandler.newFactory());
    ExecutorService pool = Executors.newFixedThreadPool(2);
    AtomicLong delivered = new AtomicLong();
    try (Store hub = Store.open(StoreConfig.file(dir.resolve("hub.db")))) {
      createTable(hub);
      int bound = clients + 16;
      Replicator replicator =
          Replicator.start(
              hub,
              ReplicatorConfig.of(new InetSocketAddress("127.0.0.1", 0), List.of(), TOKEN)
                  .withAdmission(new Admission(Duration.ofSeconds(60), bound, bound, bound)),
              SessionFactory.protocol(hub, SyncConfig.defaults()));
      try (replicator) {
        URI url = URI.create("ws://127.0.0.1:" + replicator.listenAddress().getPort());
        connect(io, pool, url, clients, hub.databaseId(), delivered);
        // each client catches up with the table's creation, then streams live
        await(() -> delivered.get() >= clients, "clients joining the hub");
        double[] ours = new double[rounds];
        for (int r = 0; r < rounds; r++) {
          long start = System.nanoTime();
          long target = delivered.get() + (long) clients * transactions;
          for (int i = 0; i < transactions; i++) {
            insert(hub, (long) r * transactions + i);
          }
          await(() -> delivered.get() >= target, "hub deliveries");
          ours[r] = rate(clients, transactions, start);
        }
        byte[] record = hub.readLog(hub.lastSeq() - 1, 1).get(0).record();
        double[] base = baseline(io, pool, clients, transactions, rounds, record);
        print(clients, transactions, ours, base, record.length);
      }
    } finally {
      io.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
      pool.shutdownNow();
      Fixture.deleteTree(dir);
    }
  }

  private static double[] baseline(
      EventLoopGroup io,
      ExecutorService pool,
      int clients,
      int transactions,
      int rounds,
      byte[] record)
      throws Exception {
    AtomicLong delivered = new AtomicLong();
    double[] rates = new double[rounds];
    try (NettyFanOut server = new NettyFanOut(io)) {
      connect(io, pool, URI.create("ws://127.0.0.1:" + server.port()), clients, "", delivered);
      await(() -> server.connected() >= clients, "clients joining the baseline");
      for (int r = 0; r < rounds; r++) {
        long start = System.nanoTime();
        long target = delivered.get() + (long) clients * transactions;
        for (int i = 0; i < transactions; i++) {
          server.send(record);
        }
        await(() -> delivered.get() >= target, "baseline deliveries");
        rates[r] = rate(clients, transactions, start);
      }
    }
    return rates;
  }

  static void connect(
      EventLoopGroup io,
      ExecutorService pool,
      URI url,
      int clients,
      String database,
      AtomicLong delivered) {
    for (int k = 0; k < clients; k++) {
      String node = String.format(Locale.ROOT, "%012x", 0x7e0000000000L + k);
      SyncClient.connect(
          io,
          url,
          TlsSettings.none(),
          Limits.defaults(),
          ch ->
              new SessionLink(
                  ch,
                  new CountingPeer(node, database, TOKEN, delivered),
                  pool,
                  Limits.defaults(),
                  "bench"));
    }
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
