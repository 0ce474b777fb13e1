package io.pluresdb.crdt.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.pluresdb.crdt.op.Coverage;
import io.pluresdb.crdt.op.ReceivedTx;
import io.pluresdb.crdt.op.RowState;
import io.pluresdb.crdt.op.RowStateBatch;
import io.pluresdb.crdt.op.RowStateCodec;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Row states merge by the same join as operations: three nodes write (inserts, updates, deletes,
 * rows without a key, partial syncs) and snapshots of their row states are taken at random points;
 * a fresh node that receives those snapshots and the transactions interleaved in any order, with
 * duplicates, snapshots split into batches and sent through their wire form, ends with exactly the
 * tables and per-field clocks of a node that applied every transaction, with nothing pending.
 */
class RowStatePropertyTest {

  @Provide
  net.jqwik.api.Arbitrary<List<ConvergencePropertyTest.Action>> actions() {
    return new ConvergencePropertyTest().actions();
  }

  @Property(tries = 40)
  void anyInterleavingOfRowStatesAndOperationsGivesTheTablesOfAllOperations(
      @ForAll("actions") List<ConvergencePropertyTest.Action> actions, @ForAll Random random)
      throws SQLException {
    try (Nodes nodes = Nodes.threeWithTables(1_700_000_000_000L, 7)) {
      List<Object> items = new ArrayList<>();
      int snapshots = 0;
      for (ConvergencePropertyTest.Action a : actions) {
        ConvergencePropertyTest.run(nodes, a);
        if (random.nextInt(4) == 0) {
          items.addAll(snapshot(nodes.stores.get(random.nextInt(3)), snapshots++, random));
        }
      }
      items.addAll(snapshot(nodes.stores.get(random.nextInt(3)), snapshots++, random));
      List<ReceivedTx> all = nodes.union();
      for (Store s : nodes.stores) {
        s.applyRemote(all).orThrow();
      }
      List<String> expected = Nodes.state(nodes.stores.get(0));

      Store fresh = nodes.add(1_700_000_000_000L);
      // the tables come first, as catch-up sends the schema before any row state
      fresh.applyRemote(Nodes.received(nodes.stores.get(0)).subList(0, 1)).orThrow();
      for (ReceivedTx tx : all) {
        items.add(tx);
        if (random.nextInt(3) == 0) {
          items.add(tx);
        }
      }
      Collections.shuffle(items, random);
      for (int snap = 0; snap < snapshots; snap++) {
        inOrder(items, snap);
      }
      for (Object item : items) {
        if (item instanceof ReceivedTx tx) {
          fresh.applyRemote(List.of(tx)).orThrow();
        } else {
          fresh.rowStates().merge(((Part) item).batch());
        }
      }
      // the tail: whatever waited for a transaction that a snapshot covered applies now
      fresh.applyRemote(all).orThrow();
      assertThat(Nodes.state(fresh)).isEqualTo(expected);
      assertThat(((SqliteStore) fresh).count("_pl_pending")).isZero();
      assertThat(fresh.versionVector().dominates(nodes.stores.get(0).versionVector())).isTrue();
    }
  }

  /** One batch of a snapshot, {@code index} in its order. */
  record Part(int snapshot, int index, RowStateBatch batch) {}

  /**
   * Puts the batches of snapshot {@code snap} back in their order, at the places the shuffle gave
   * them (operations and other snapshots still interleave between them).
   */
  private static void inOrder(List<Object> items, int snap) {
    List<Integer> at = new ArrayList<>();
    List<Part> parts = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      if (items.get(i) instanceof Part p && p.snapshot() == snap) {
        at.add(i);
        parts.add(p);
      }
    }
    parts.sort(java.util.Comparator.comparingInt(Part::index));
    for (int i = 0; i < at.size(); i++) {
      items.set(at.get(i), parts.get(i));
    }
  }

  /**
   * A snapshot of {@code s} as the batches a receiver gets (the coverage on the last), each passed
   * through its wire form.
   */
  private static List<Part> snapshot(Store s, int snap, Random random) throws SQLException {
    List<RowState> rows = new ArrayList<>();
    Coverage coverage = s.rowStates().snapshot(rows::add);
    assertThat(coverage.versionVector()).isEqualTo(s.versionVector());
    List<Part> parts = new ArrayList<>();
    int at = 0;
    do {
      int n = Math.min(rows.size() - at, 1 + random.nextInt(4));
      boolean last = at + n == rows.size();
      RowStateBatch b = new RowStateBatch(rows.subList(at, at + n), last ? coverage : null);
      RowStateBatch wire = RowStateCodec.decode(RowStateCodec.encode(b));
      assertThat(wire).isEqualTo(b);
      parts.add(new Part(snap, parts.size(), wire));
      at += n;
    } while (at < rows.size());
    return parts;
  }
}
