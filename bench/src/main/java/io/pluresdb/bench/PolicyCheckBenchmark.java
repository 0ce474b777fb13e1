package io.pluresdb.bench;

import io.pluresdb.crdt.op.OpKind;
import io.pluresdb.crdt.op.ReceivedTx;
import io.pluresdb.crdt.op.Transaction;
import io.pluresdb.crdt.store.ApplyResult;
import io.pluresdb.crdt.store.Store;
import io.pluresdb.crdt.store.StoreConfig;
import io.pluresdb.sync.auth.PolicyAgent.User;
import io.pluresdb.sync.policy.RowPolicies;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
 * Writes a hub accepts per second from a user's device, with row policies checked and without:
 * 5,000 single-row transactions a user wrote to {@code note} (one INSERT each, {@code owner =
 * 'alice'}) are applied to a fresh hub store in batches of 256, as a session receives them. {@code
 * none}: applied as from a trusted peer. {@code policies}: each batch first checked against {@code
 * own_notes} ({@code USING/WITH CHECK (owner = current_user)}) for user {@code alice}, as the hub's
 * session does, which reads each row before the write and evaluates the policy in SQLite. The score
 * is transactions per second; the target is policies ≥ 0.8 × none.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class PolicyCheckBenchmark {
  static final int WRITES = 5_000;
  static final int BATCH = 256;

  @Param({"none", "policies"})
  public String mode;

  private Path sourceDir;
  private List<ReceivedTx> schema;
  private List<ReceivedTx> writes;
  private Path dir;
  private Store hub;

  @Setup(Level.Trial)
  public void writeOnDevice() throws Exception {
    sourceDir = Fixture.tempDir("bench-policy-device");
    Path file = sourceDir.resolve("device.db");
    try (Connection c = Target.PLURESDB.open(file)) {
      try (Statement s = c.createStatement()) {
        s.execute("CREATE TABLE note (id INTEGER PRIMARY KEY, owner TEXT NOT NULL, body TEXT)");
        s.execute(
            "CREATE POLICY own_notes ON note FOR ALL USING (owner = current_user)"
                + " WITH CHECK (owner = current_user)");
      }
      try (PreparedStatement ps = c.prepareStatement("INSERT INTO note VALUES (?, 'alice', ?)")) {
        for (int i = 1; i <= WRITES; i++) {
          ps.setInt(1, i);
          ps.setString(2, "note number " + i);
          ps.executeUpdate();
        }
      }
    }
    schema = new ArrayList<>();
    writes = new ArrayList<>();
    try (Store s = Store.open(StoreConfig.file(file))) {
      for (ReceivedTx r : s.logRecords()) {
        boolean ddl = r.tx().ops().stream().anyMatch(op -> op.kind() == OpKind.SCHEMA);
        (ddl ? schema : writes).add(r);
      }
    }
    if (writes.size() != WRITES) {
      throw new IllegalStateException(writes.size() + " writes logged, expected " + WRITES);
    }
  }

  @Setup(Level.Invocation)
  public void freshHub() throws Exception {
    dir = Fixture.tempDir("bench-policy-hub");
    hub = Store.open(StoreConfig.file(dir.resolve("hub.db")));
    applied(hub.applyRemote(schema, "device"));
  }

  @TearDown(Level.Invocation)
  public void dropHub() throws Exception {
    hub.close();
    Fixture.deleteTree(dir);
  }

  @TearDown(Level.Trial)
  public void dropDevice() {
    Fixture.deleteTree(sourceDir);
  }

  @Benchmark
  @OperationsPerInvocation(WRITES)
  public void acceptWrites() throws Exception {
    RowPolicies rows =
        mode.equals("policies") ? new RowPolicies(hub, new User("alice", Map.of())) : null;
    for (int from = 0; from < writes.size(); from += BATCH) {
      List<ReceivedTx> batch = writes.subList(from, Math.min(writes.size(), from + BATCH));
      if (rows != null) {
        List<Transaction> txs = new ArrayList<>(batch.size());
        batch.forEach(r -> txs.add(r.tx()));
        String refused = rows.refusal(txs);
        if (refused != null) {
          throw new IllegalStateException(refused);
        }
      }
      applied(hub.applyRemote(batch, "device"));
    }
  }

  private static void applied(ApplyResult r) {
    if (!(r instanceof ApplyResult.Applied)) {
      throw new IllegalStateException("not applied: " + r);
    }
  }
}
