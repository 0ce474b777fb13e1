package io.pluresdb.crdt.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.pluresdb.crdt.clock.MutableClock;
import io.pluresdb.crdt.clock.OpId;
import io.pluresdb.crdt.op.OpKind;
import io.pluresdb.crdt.op.Operation;
import io.pluresdb.crdt.op.ReceivedTx;
import io.pluresdb.crdt.op.Transaction;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A received transaction that cannot be applied is parked with its origin, its time and what it
 * waits for; the store reports the count and the oldest per origin and in total, and forgets each
 * once it applies.
 */
class ParkedTransactionsTest {
  private static final long T0 = 1_700_000_000_000L;
  private static final String PEER = "0000000000aa";
  private static final String OTHER_PEER = "0000000000bb";
  private final Nodes nodes = new Nodes();

  @AfterEach
  void close() throws SQLException {
    nodes.close();
  }

  @Test
  void aTransactionWhosePreviousIsMissingIsParkedWithOriginTimeAndReasonUntilItArrives()
      throws SQLException {
    Store a = nodes.add(T0);
    Nodes.createTables(a);
    insertRowOne(a);
    List<ReceivedTx> log = Nodes.received(a);
    Store c = nodes.add(T0);
    nodes.clocks.get(1).set(T0 + 5_000);

    ApplyResult.Applied early = c.applyRemote(List.of(log.get(1)), PEER).orThrow();

    assertThat(early.pending()).isEqualTo(1);
    assertThat(early.parked()).isEqualTo(1);
    Parked p = c.parked().of(PEER);
    assertThat(p.count()).isEqualTo(1);
    assertThat(p.oldestSince()).isEqualTo(Instant.ofEpochMilli(T0 + 5_000));
    assertThat(p.oldestTx()).isEqualTo(log.get(1).tx().id().toString());
    assertThat(p.oldestReason())
        .isEqualTo("waits for transaction " + log.get(0).tx().id() + " of node " + a.nodeId());
    assertThat(c.parked().total()).isEqualTo(p);

    c.applyRemote(List.of(log.get(0)), PEER).orThrow();

    assertThat(c.parked()).isEqualTo(ParkedSummary.NONE);
    assertThat(Fixtures.dump(c, "SELECT k, a FROM kv")).containsExactly("[1, x]");
  }

  @Test
  void receivingAParkedTransactionAgainKeepsItsFirstOriginAndTime() throws SQLException {
    Store c = nodes.add(T0);
    ReceivedTx orphan = insert(0x77, 1, null, "kv", "k");
    c.applyRemote(List.of(orphan), PEER).orThrow();
    nodes.clocks.get(0).set(T0 + 60_000);

    ApplyResult.Applied again = c.applyRemote(List.of(orphan), OTHER_PEER).orThrow();

    assertThat(again.pending()).isEqualTo(1);
    assertThat(again.parked()).isZero();
    assertThat(c.parked().byOrigin()).containsOnlyKeys(PEER);
    assertThat(c.parked().total().oldestSince()).isEqualTo(Instant.ofEpochMilli(T0));
  }

  @Test
  void aTransactionForATableOrColumnThisNodeLacksSaysWhichOne() throws SQLException {
    Store a = nodes.add(T0);
    Nodes.createTables(a);
    Store c = nodes.add(T0);

    c.applyRemote(List.of(insert(0x77, 1, null, "kv", "k")), PEER).orThrow();
    assertThat(c.parked().of(PEER).oldestReason()).isEqualTo("no table 'kv'");

    Nodes.sync(a, c);
    c.applyRemote(List.of(insert(0x78, 1, null, "kv", "zz")), OTHER_PEER).orThrow();
    assertThat(c.parked().byOrigin()).containsOnlyKeys(OTHER_PEER);
    assertThat(c.parked().of(OTHER_PEER).oldestReason()).isEqualTo("table 'kv' has no column 'zz'");
  }

  @Test
  void theRecordedReasonFollowsWhatTheTransactionWaitsForNow() throws SQLException {
    Store a = nodes.add(T0);
    Nodes.createTables(a);
    Store c = nodes.add(T0);
    Nodes.sync(a, c);
    ReceivedTx first = insert(0x77, 1, null, "kv", "k");
    ReceivedTx second = insert(0x77, 2, first.tx().id(), "gone", "k");

    c.applyRemote(List.of(second), PEER).orThrow();
    assertThat(c.parked().of(PEER).oldestReason()).startsWith("waits for transaction");

    c.applyRemote(List.of(first), PEER).orThrow();

    assertThat(c.parked().of(PEER).count()).isEqualTo(1);
    assertThat(c.parked().of(PEER).oldestReason()).isEqualTo("no table 'gone'");
  }

  @Test
  void countsAndTheOldestAreKeptPerOriginAndInTotal() throws SQLException {
    Store c = nodes.add(T0);
    c.applyRemote(List.of(insert(0x77, 1, null, "kv", "k")), PEER).orThrow();
    nodes.clocks.get(0).set(T0 + 1_000);
    c.applyRemote(
            List.of(insert(0x78, 1, null, "kv", "k"), insert(0x79, 1, null, "t2", "k")), OTHER_PEER)
        .orThrow();

    ParkedSummary s = c.parked();
    assertThat(s.of(PEER).count()).isEqualTo(1);
    assertThat(s.of(OTHER_PEER).count()).isEqualTo(2);
    assertThat(s.of(OTHER_PEER).oldestSince()).isEqualTo(Instant.ofEpochMilli(T0 + 1_000));
    assertThat(s.total().count()).isEqualTo(3);
    assertThat(s.total().oldestSince()).isEqualTo(Instant.ofEpochMilli(T0));
    assertThat(s.total().oldestReason()).isEqualTo("no table 'kv'");
    assertThat(s.of("0000000000cc")).isEqualTo(Parked.NONE);
  }

  @Test
  void aPendingTableWithoutOriginsAndReasonsIsUpgradedInPlace(@TempDir Path dir)
      throws SQLException {
    Path file = dir.resolve("old.db");
    Store a = nodes.add(T0);
    Nodes.createTables(a);
    List<ReceivedTx> log = Nodes.received(a);
    insertRowOne(a);
    ReceivedTx waiting = Nodes.received(a).get(1);
    MutableClock clock = new MutableClock(T0);
    try (Store s = Store.open(StoreConfig.file(file).withClock(clock))) {
      assertThat(s.parked()).isEqualTo(ParkedSummary.NONE);
    }
    // the table as an older version wrote it, holding one parked record
    try (Connection conn = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement st = conn.createStatement()) {
      st.execute("DROP TABLE _pl_pending");
      st.execute("CREATE TABLE _pl_pending (tx BLOB PRIMARY KEY, data BLOB NOT NULL)");
      try (var ps = conn.prepareStatement("INSERT INTO _pl_pending VALUES (?, ?)")) {
        ps.setBytes(1, waiting.tx().id().toBytes());
        ps.setBytes(2, waiting.record());
        ps.executeUpdate();
      }
    }
    clock.set(T0 + 9_000);

    try (Store s = Store.open(StoreConfig.file(file).withClock(clock))) {
      Parked p = s.parked().of("");
      assertThat(p.count()).isEqualTo(1);
      assertThat(p.oldestReason()).isEqualTo(ParkedTable.UNRECORDED);
      assertThat(p.oldestSince()).isEqualTo(Instant.ofEpochMilli(T0 + 9_000));

      s.applyRemote(log, PEER).orThrow();

      assertThat(s.parked()).isEqualTo(ParkedSummary.NONE);
      assertThat(Fixtures.dump(s, "SELECT k, a FROM kv")).containsExactly("[1, x]");
    }
  }

  private static void insertRowOne(Store s) throws SQLException {
    try (WriteTxn tx = s.beginWrite(Fixtures.WAIT)) {
      tx.insert("kv", new Object[] {1L, "x", 1L, 1.0}, OnConflict.ERROR);
      tx.commit();
    }
  }

  /** Node {@code node}'s transaction inserting row 1 into {@code table}, setting {@code column}. */
  private static ReceivedTx insert(long node, int counter, OpId prev, String table, String column) {
    Transaction tx =
        new Transaction(
            OpId.of(T0, counter * 10, node),
            prev,
            List.of(
                new Operation(
                    OpId.of(T0, counter * 10 + 1, node),
                    OpKind.INSERT,
                    table,
                    new Object[] {1L},
                    new String[] {column},
                    new Object[] {1L},
                    List.of(),
                    null)));
    return ReceivedTx.encode(tx);
  }
}
