package io.pluresdb.crdt.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.pluresdb.crdt.op.Coverage;
import io.pluresdb.crdt.op.ReceivedTx;
import io.pluresdb.crdt.op.RowState;
import io.pluresdb.crdt.op.RowStateBatch;
import io.pluresdb.crdt.op.VersionVector;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A new node catches up by row states and then the log tail: it holds what the node it joined
 * holds, its own writes made before (never sent) still merge both ways, and transactions the
 * snapshot stands for are not applied again when a peer sends them.
 */
class RowStateCatchUpTest {

  @Test
  void newNodeCatchesUpByRowStatesThenTheTailAndItsOwnWritesStillMerge() throws SQLException {
    try (Nodes nodes = Nodes.threeWithTables(1_700_000_000_000L, 5)) {
      Store hub = nodes.stores.get(0);
      Store newcomer = nodes.stores.get(1);
      for (long i = 0; i < 40; i++) {
        long k = i;
        write(hub, tx -> tx.insert("kv", new Object[] {k, "hub" + k, k, 0.5}, OnConflict.ERROR));
      }
      write(hub, tx -> tx.delete("kv", new Object[] {3L}));
      write(hub, tx -> tx.insert("notes", new Object[] {7L}, OnConflict.ERROR));
      // the newcomer's own writes, never sent: an update of a row it has not seen, and a row
      write(
          newcomer, tx -> tx.insert("kv", new Object[] {100L, "mine", 1L, 1.0}, OnConflict.ERROR));
      nodes.clocks.get(1).set(nodes.clocks.get(0).millis() + 1_000);
      write(newcomer, tx -> tx.insert("kv", new Object[] {5L, "newer", 2L, 2.0}, OnConflict.ERROR));

      List<RowState> rows = new ArrayList<>();
      Coverage coverage = hub.rowStates().snapshot(rows::add);
      assertThat(newcomer.historyHorizon().last()).isEmpty();
      // the hub writes on after its snapshot: that is the tail
      write(hub, tx -> tx.update("kv", new Object[] {7L}, new int[] {1}, new Object[] {"tail"}));
      for (int at = 0; at < rows.size(); at += 10) {
        List<RowState> part = rows.subList(at, Math.min(rows.size(), at + 10));
        newcomer
            .rowStates()
            .merge(new RowStateBatch(part, at + 10 >= rows.size() ? coverage : null));
      }
      VersionVector held = newcomer.versionVector();
      assertThat(held.dominates(coverage.versionVector())).isTrue();
      // what it holds without log records is its horizon: it cannot serve those from its log
      assertThat(newcomer.historyHorizon()).isEqualTo(coverage.versionVector());
      assertThat(hub.historyHorizon().last()).isEmpty();
      List<ReceivedTx> tail = new ArrayList<>();
      for (ReceivedTx r : Nodes.received(hub)) {
        if (!held.covers(r.tx().id())) {
          tail.add(r);
        }
      }
      assertThat(tail).hasSize(1);
      assertThat(newcomer.applyRemote(tail).orThrow().applied()).isEqualTo(1);
      // a peer that sends the whole log: what the snapshot stood for counts as held
      assertThat(newcomer.applyRemote(Nodes.received(hub)).orThrow().applied()).isZero();
      hub.applyRemote(Nodes.received(newcomer)).orThrow();

      assertThat(Nodes.state(newcomer)).isEqualTo(Nodes.state(hub));
      assertThat(Fixtures.dump(newcomer, "SELECT k, a FROM kv WHERE k IN (3, 5, 7, 100)"))
          .containsExactlyInAnyOrder("[5, newer]", "[7, tail]", "[100, mine]");
      assertThat(((SqliteStore) newcomer).count("_pl_pending")).isZero();
      // its next write is ordered after everything it merged
      write(newcomer, tx -> tx.update("kv", new Object[] {7L}, new int[] {1}, new Object[] {"n"}));
      hub.applyRemote(Nodes.received(newcomer)).orThrow();
      assertThat(Fixtures.dump(hub, "SELECT a FROM kv WHERE k = 7")).containsExactly("[n]");
    }
  }

  @Test
  void anOpenSnapshotReadsInBatchesAtTheCommittedPointItOpenedAt() throws SQLException {
    try (Nodes nodes = Nodes.threeWithTables(1_700_000_000_000L, 5)) {
      Store hub = nodes.stores.get(0);
      for (long i = 0; i < 25; i++) {
        long k = i;
        write(hub, tx -> tx.insert("kv", new Object[] {k, "v" + k, k, 0.5}, OnConflict.ERROR));
      }
      VersionVector before = hub.versionVector();
      List<RowState> read = new ArrayList<>();
      try (RowStates.Snapshot snap = hub.rowStates().open()) {
        read.addAll(snap.next(10));
        // written while the snapshot is read: not in it, nor in its coverage
        write(hub, tx -> tx.insert("kv", new Object[] {99L, "late", 1L, 1.0}, OnConflict.ERROR));
        write(hub, tx -> tx.delete("kv", new Object[] {0L}));
        for (List<RowState> b = snap.next(10); !b.isEmpty(); b = snap.next(10)) {
          assertThat(b).hasSizeLessThanOrEqualTo(10);
          read.addAll(b);
        }
        assertThat(snap.coverage().versionVector()).isEqualTo(before);
      }
      assertThat(read).filteredOn(r -> r.table().equals("kv")).hasSize(25);
      assertThat(read).allMatch(RowState::live);
      assertThat(read).noneMatch(r -> r.key()[0].equals(99L));
    }
  }

  @Test
  void aRowStateOfATableThisNodeDoesNotHaveRefusesTheBatch() throws SQLException {
    try (Nodes nodes = new Nodes()) {
      Store s = nodes.add(1_700_000_000_000L);
      RowState r =
          new RowState(
              "nowhere",
              new Object[] {1L},
              io.pluresdb.crdt.clock.OpId.of(1_700_000_000_000L, 0, 9),
              true,
              new String[0],
              new io.pluresdb.crdt.clock.OpId[0],
              new Object[0]);
      org.assertj.core.api.Assertions.assertThatThrownBy(
              () -> s.rowStates().merge(new RowStateBatch(List.of(r), null)))
          .isInstanceOf(SQLException.class)
          .hasMessageContaining("nowhere")
          .extracting(e -> ((SQLException) e).getSQLState())
          .isEqualTo("42P01");
    }
  }

  @FunctionalInterface
  interface Body {
    void run(WriteTxn tx) throws SQLException;
  }

  private static void write(Store s, Body body) throws SQLException {
    try (WriteTxn tx = s.beginWrite(Fixtures.WAIT)) {
      body.run(tx);
      tx.commit();
    }
  }
}
