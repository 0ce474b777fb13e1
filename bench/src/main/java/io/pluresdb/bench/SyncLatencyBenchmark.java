package io.pluresdb.bench;

import io.pluresdb.crdt.feed.ChangeSet;
import io.pluresdb.crdt.feed.EntityChange;
import io.pluresdb.crdt.store.Store;
import io.pluresdb.engine.replication.ReplicationService;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Commit-to-visibility latency between two nodes over loopback: one auto-commit INSERT on a hub
 * (through JDBC) until the transaction is committed on a connected node (its change feed fires
 * after the commit, so a query there sees the row). Sampled, so the report shows p50 and p99.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class SyncLatencyBenchmark {
  private Path dir;
  private Connection hub;
  private PreparedStatement insert;
  private Store store;
  private ReplicationService replication;
  private final BlockingQueue<ChangeSet> arrived = new LinkedBlockingQueue<>();
  private long next;

  @Setup(Level.Trial)
  public void connect() throws Exception {
    dir = Fixture.tempDir("bench-latency");
    hub = SyncNodes.hub(dir.resolve("hub.db"), 0);
    Fixture.createSchema(Target.PLURESDB, hub);
    insert = hub.prepareStatement("INSERT INTO album VALUES (?, ?, ?, ?)");
    store = SyncNodes.store(dir.resolve("node.db"));
    replication = SyncNodes.replicate(store, SyncNodes.port(hub), arrived::add);
    // the schema arrives first: from then on every commit streams live
    if (arrived.poll(60, TimeUnit.SECONDS) == null) {
      throw new IllegalStateException("the node did not join the hub");
    }
  }

  @TearDown(Level.Trial)
  public void disconnect() throws Exception {
    replication.close();
    store.close();
    insert.close();
    hub.close();
    Fixture.deleteTree(dir);
  }

  @Benchmark
  public ChangeSet commitToVisibility() throws Exception {
    long id = next++;
    insert.setLong(1, id);
    insert.setString(2, "album " + id);
    insert.setInt(3, 2000);
    insert.setLong(4, 1);
    insert.executeUpdate();
    while (true) {
      ChangeSet c = arrived.poll(10, TimeUnit.SECONDS);
      if (c == null) {
        throw new IllegalStateException("row " + id + " never arrived");
      }
      if (carries(c, id)) {
        return c;
      }
    }
  }

  /** True when the change set inserted album {@code id} (not an earlier commit arriving late). */
  private static boolean carries(ChangeSet c, long id) {
    for (EntityChange e : c.changes()) {
      if (e.table().equals("album") && e.key()[0] instanceof Long k && k == id) {
        return true;
      }
    }
    return false;
  }
}
