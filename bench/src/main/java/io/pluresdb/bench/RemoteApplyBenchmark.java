package io.pluresdb.bench;

import io.pluresdb.crdt.store.Store;
import io.pluresdb.engine.replication.ReplicationService;
import io.pluresdb.sync.replicator.Replicator;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Remote-apply throughput against local batched inserts, in rows per second. {@code local}: 100,000
 * albums inserted through JDBC in batches of 1,000 into a fresh file (as {@link InsertBenchmark}).
 * {@code remote}: a fresh node joins a hub holding those 100,000 albums and catches up over a
 * loopback WebSocket — hello, catch-up batches, acknowledgements and the store's atomic, idempotent
 * apply — until every row is committed on it. The hub never sends row states here, so this is the
 * log's path ({@link SessionCatchUpBenchmark} measures the row states' one).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class RemoteApplyBenchmark {
  static final int ROWS = 100_000;

  @Param({"local", "remote"})
  public String mode;

  private Path hubDir;
  private Store hub;
  private Replicator server;
  private Path dir;
  private CatchUpFixture.LocalNode local;
  private Store store;

  @Setup(Level.Trial)
  public void seedHub() throws Exception {
    if (mode.equals("remote")) {
      Path file = CatchUpFixture.seededSource("bench-apply-hub", ROWS);
      hubDir = file.getParent();
      hub = SyncNodes.store(file);
      server = CatchUpFixture.serve(hub, Long.MAX_VALUE);
    }
  }

  @Setup(Level.Invocation)
  public void freshNode() throws Exception {
    if (mode.equals("local")) {
      local = new CatchUpFixture.LocalNode();
    } else {
      dir = Fixture.tempDir("bench-apply");
      store = SyncNodes.store(dir.resolve("remote.db"));
    }
  }

  @TearDown(Level.Invocation)
  public void dropNode() throws Exception {
    if (local != null) {
      local.close();
      local = null;
    }
    if (store != null) {
      store.close();
      store = null;
      Fixture.deleteTree(dir);
    }
  }

  @TearDown(Level.Trial)
  public void dropHub() throws Exception {
    if (hub != null) {
      server.close();
      hub.close();
      Fixture.deleteTree(hubDir);
    }
  }

  @Benchmark
  @OperationsPerInvocation(ROWS)
  public void applyRows() throws Exception {
    if (mode.equals("local")) {
      local.insert(ROWS);
      return;
    }
    CountDownLatch all = new CountDownLatch(1);
    AtomicLong rows = new AtomicLong();
    try (ReplicationService r =
        SyncNodes.replicate(
            store,
            server.listenAddress().getPort(),
            c -> {
              if (rows.addAndGet(c.changes().size()) >= ROWS) {
                all.countDown();
              }
            })) {
      if (!all.await(120, TimeUnit.SECONDS)) {
        throw new IllegalStateException("caught up only " + rows.get() + " of " + ROWS + " rows");
      }
    }
  }
}
