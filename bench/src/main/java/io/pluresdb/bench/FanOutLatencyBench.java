package io.pluresdb.bench;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.pluresdb.crdt.store.Store;
import io.pluresdb.crdt.store.StoreConfig;
import io.pluresdb.sync.netty.Admission;
import io.pluresdb.sync.protocol.SyncConfig;
import io.pluresdb.sync.replicator.Replicator;
import io.pluresdb.sync.replicator.ReplicatorConfig;
import io.pluresdb.sync.replicator.SessionFactory;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Commit-to-visibility through a busy hub: a commit on one client (a store and its replicator) is
 * timed until the change feed of another client shows it applied, first with only those two
 * connected (the baseline), then while N more clients are connected, each receiving every
 * transaction ({@link CountingPeer}s, as in {@link FanOutBench}). Commits go one at a time, a few
 * milliseconds apart, so each measures one transaction's way rather than a queue. A timing, not
 * JMH: run it with {@code java -cp bench/target/benchmarks.jar io.pluresdb.bench.FanOutLatencyBench
 * [others [commits]]}.
 */
final class FanOutLatencyBench {
  private static final long PAUSE_MILLIS = 5;
  private static final int WARM_UP = 30;

  private FanOutLatencyBench() {}

  public static void main(String[] args) throws Exception {
    int others = args.length > 0 ? Integer.parseInt(args[0]) : 1_000;
    int commits = args.length > 1 ? Integer.parseInt(args[1]) : 300;
    Path dir = Fixture.tempDir("bench-fanout-latency");
    EventLoopGroup io = new MultiThreadIoEventLoopGroup(2, NioIoHandler.newFactory());
    ExecutorService pool = Executors.newFixedThreadPool(2);
    int bound = others + 16;
    try (Store hub = Store.open(StoreConfig.file(dir.resolve("hub.db")));
        Store writer = Store.open(StoreConfig.file(dir.resolve("writer.db")));
        Store reader = Store.open(StoreConfig.file(dir.resolve("reader.db")))) {
      FanOutBench.createTable(hub);
      Semaphore seen = new Semaphore(0);
      AtomicLong seenAt = new AtomicLong();
      var feed =
          reader
              .changeFeed()
              .subscribe(
                  c -> {
                    if (!c.local()
                        && c.entry().txId().node() == Long.parseLong(writer.nodeId(), 16)) {
                      seenAt.set(System.nanoTime());
                      seen.release();
                    }
                  });
      try (feed;
          Replicator h =
              Replicator.start(
                  hub,
                  ReplicatorConfig.of(
                          new InetSocketAddress("127.0.0.1", 0), List.of(), FanOutBench.TOKEN)
                      .withAdmission(new Admission(Duration.ofSeconds(60), bound, bound, bound)),
                  SessionFactory.protocol(hub, SyncConfig.defaults()));
          Replicator w = client(writer, h);
          Replicator r = client(reader, h)) {
        FanOutBench.await(
            () ->
                writer.catalog().tables().containsKey("t")
                    && reader.catalog().tables().containsKey("t"),
            "clients joining the hub");
        long id = 0;
        measure(writer, seen, seenAt, WARM_UP, id);
        id += WARM_UP;
        long[] alone = measure(writer, seen, seenAt, commits, id);
        id += commits;
        AtomicLong delivered = new AtomicLong();
        URI url = URI.create("ws://127.0.0.1:" + h.listenAddress().getPort());
        FanOutBench.connect(io, pool, url, others, hub.databaseId(), delivered);
        long logged = hub.lastSeq(); // each of the others catches up with all of it first
        FanOutBench.await(() -> delivered.get() >= others * logged, "the other clients joining");
        measure(writer, seen, seenAt, WARM_UP, id);
        id += WARM_UP;
        long[] busy = measure(writer, seen, seenAt, commits, id);
        long expected = others * (logged + WARM_UP + commits);
        FanOutBench.await(() -> delivered.get() >= expected, "deliveries to the other clients");
        print(others, commits, alone, busy);
      }
    } finally {
      io.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
      pool.shutdownNow();
      Fixture.deleteTree(dir);
    }
  }

  private static Replicator client(Store store, Replicator hub) throws InterruptedException {
    URI url = URI.create("ws://127.0.0.1:" + hub.listenAddress().getPort());
    return Replicator.start(
        store,
        ReplicatorConfig.of(null, List.of(url), FanOutBench.TOKEN),
        SessionFactory.protocol(store, SyncConfig.defaults()));
  }

  /** Commits {@code n} rows on {@code writer}, one at a time; nanoseconds until each is seen. */
  private static long[] measure(
      Store writer, Semaphore seen, AtomicLong seenAt, int n, long firstId) throws Exception {
    long[] nanos = new long[n];
    for (int i = 0; i < n; i++) {
      Thread.sleep(PAUSE_MILLIS);
      long start = System.nanoTime();
      FanOutBench.insert(writer, firstId + i);
      if (!seen.tryAcquire(FanOutBench.WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
        throw new IllegalStateException("commit " + i + " not seen within " + FanOutBench.WAIT);
      }
      nanos[i] = seenAt.get() - start;
    }
    return nanos;
  }

  private static void print(int others, int commits, long[] alone, long[] busy) {
    double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    System.out.printf(
        Locale.ROOT, "commit to visibility: %d commits, load average %.1f%n", commits, load);
    System.out.println("| other clients | p50 ms | p99 ms | max ms |");
    System.out.println("|---|---|---|---|");
    row(0, alone);
    row(others, busy);
  }

  private static void row(int others, long[] nanos) {
    long[] s = nanos.clone();
    Arrays.sort(s);
    System.out.printf(
        Locale.ROOT,
        "| %,d | %.1f | %.1f | %.1f |%n",
        others,
        at(s, 0.50),
        at(s, 0.99),
        s[s.length - 1] / 1e6);
  }

  private static double at(long[] sorted, double q) {
    int i = (int) Math.ceil(q * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, i))] / 1e6;
  }
}
