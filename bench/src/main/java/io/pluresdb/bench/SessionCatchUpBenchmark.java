package io.pluresdb.bench;

import io.pluresdb.crdt.store.Store;
import io.pluresdb.engine.replication.ReplicationService;
import io.pluresdb.sync.replicator.Replicator;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * A new node catching up by row states over a real loopback session, beside local batched inserts
 * of the same rows, in rows per second (the {@code rows} counter; {@code -p rows=1000000} for the
 * large run). {@code local}: the albums inserted through JDBC in batches of 1,000 into a fresh
 * file. {@code states}: a fresh node dials a hub holding those albums; the hub sends its schema's
 * log, then a snapshot of row states in acknowledged parts (read, encoded, sent over WebSocket,
 * decoded, checked and merged), until the new node holds every transaction the hub holds.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class SessionCatchUpBenchmark {
  @Param({"local", "states"})
  public String mode;

  @Param({"100000"})
  public int rows;

  /** Rows caught up (or inserted), reported per second beside the invocations. */
  @State(Scope.Thread)
  @AuxCounters(AuxCounters.Type.OPERATIONS)
  public static class Rows {
    public long rows;
  }

  private Path hubDir;
  private Store hub;
  private Replicator server;
  private Path dir;
  private CatchUpFixture.LocalNode local;
  private Store store;

  @Setup(Level.Trial)
  public void seedHub() throws Exception {
    if (mode.equals("states")) {
      Path file = CatchUpFixture.seededSource("bench-session-hub", rows);
      hubDir = file.getParent();
      hub = SyncNodes.store(file);
      server = CatchUpFixture.serve(hub, 0);
    }
  }

  @Setup(Level.Invocation)
  public void freshNode() throws Exception {
    if (mode.equals("local")) {
      local = new CatchUpFixture.LocalNode();
    } else {
      dir = Fixture.tempDir("bench-session");
      store = SyncNodes.store(dir.resolve("new.db"));
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
  public void catchUp(Rows counter) throws Exception {
    if (mode.equals("local")) {
      local.insert(rows);
    } else {
      try (ReplicationService r =
          SyncNodes.replicate(store, server.listenAddress().getPort(), c -> {})) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(300);
        while (!store.versionVector().dominates(hub.versionVector())) {
          if (System.nanoTime() > deadline) {
            throw new IllegalStateException("the new node did not catch up within 300 s");
          }
          Thread.sleep(1);
        }
      }
    }
    counter.rows += rows;
  }
}
