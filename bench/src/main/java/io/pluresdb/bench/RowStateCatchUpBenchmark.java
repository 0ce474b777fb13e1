package io.pluresdb.bench;

import io.pluresdb.crdt.op.Coverage;
import io.pluresdb.crdt.op.LogEntry;
import io.pluresdb.crdt.op.OpKind;
import io.pluresdb.crdt.op.ReceivedTx;
import io.pluresdb.crdt.op.RowState;
import io.pluresdb.crdt.op.RowStateBatch;
import io.pluresdb.crdt.op.RowStateCodec;
import io.pluresdb.crdt.store.Store;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
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
 * A new node catching up by row states against local batched inserts, in rows per second. {@code
 * local}: 100,000 albums inserted through JDBC in batches of 1,000 into a fresh file (as {@link
 * InsertBenchmark}). {@code states}: a fresh node that holds the schema takes a snapshot of a node
 * holding those 100,000 albums: the snapshot is read, sent as batches of 1,000 row states through
 * their wire form (encoded and decoded, no socket) and merged, the coverage on the last batch,
 * until every row is committed on the new node.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class RowStateCatchUpBenchmark {
  static final int ROWS = 100_000;
  private static final int BATCH = 1_000;

  @Param({"local", "states"})
  public String mode;

  private Path sourceDir;
  private Store source;
  private List<ReceivedTx> schema;
  private Path dir;
  private CatchUpFixture.LocalNode local;
  private Store store;

  @Setup(Level.Trial)
  public void seedSource() throws Exception {
    if (mode.equals("states")) {
      Path file = CatchUpFixture.seededSource("bench-states-source", ROWS);
      sourceDir = file.getParent();
      source = SyncNodes.store(file);
      schema = new ArrayList<>();
      for (LogEntry e : source.readLog(0, Integer.MAX_VALUE)) {
        ReceivedTx r = e.received();
        if (r.tx().ops().stream().anyMatch(op -> op.kind() == OpKind.SCHEMA)) {
          schema.add(r);
        }
      }
    }
  }

  @Setup(Level.Invocation)
  public void freshNode() throws Exception {
    if (mode.equals("local")) {
      local = new CatchUpFixture.LocalNode();
    } else {
      dir = Fixture.tempDir("bench-states");
      store = SyncNodes.store(dir.resolve("new.db"));
      store.applyRemote(schema).orThrow();
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
  public void dropSource() throws Exception {
    if (source != null) {
      source.close();
      Fixture.deleteTree(sourceDir);
    }
  }

  @Benchmark
  @OperationsPerInvocation(ROWS)
  public void catchUp() throws Exception {
    if (mode.equals("local")) {
      local.insert(ROWS);
      return;
    }
    List<RowState> batch = new ArrayList<>(BATCH);
    Coverage coverage =
        source
            .rowStates()
            .snapshot(
                r -> {
                  batch.add(r);
                  if (batch.size() == BATCH) {
                    send(batch, null);
                    batch.clear();
                  }
                });
    send(batch, coverage);
    if (!store.versionVector().dominates(source.versionVector())) {
      throw new IllegalStateException("the new node does not hold the snapshot's transactions");
    }
  }

  /** One batch through its wire form into the new node. */
  private void send(List<RowState> rows, Coverage coverage) throws java.sql.SQLException {
    byte[] wire = RowStateCodec.encode(new RowStateBatch(rows, coverage));
    store.rowStates().merge(RowStateCodec.decode(wire));
  }
}
