package io.pluresdb.crdt.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.pluresdb.crdt.op.ReceivedTx;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The convergence invariant: whatever transactions three nodes write (with their own skewed clocks
 * and occasional partial syncs), every store that receives all of them, in any order and with any
 * duplication, ends with identical tables and clocks; so does a rebuild from the log.
 */
class ConvergencePropertyTest {
  enum Kind {
    INSERT,
    UPDATE,
    DELETE,
    NOTE,
    MIXED,
    SYNC
  }

  record Action(int node, Kind kind, long key, long value, int columns, long skew) {}

  @Provide
  Arbitrary<List<Action>> actions() {
    Arbitrary<Action> action =
        Combinators.combine(
                Arbitraries.integers().between(0, 2),
                Arbitraries.of(Kind.class),
                Arbitraries.longs().between(0, 4),
                Arbitraries.longs().between(0, 99),
                Arbitraries.integers().between(1, 7),
                Arbitraries.longs().between(0, 3))
            .as(Action::new);
    return action.list().ofMinSize(1).ofMaxSize(30);
  }

  @Property(tries = 40)
  void anyOrderAndDuplicationOfTheSameTransactionsGivesTheSameTables(
      @ForAll("actions") List<Action> actions, @ForAll Random random) throws SQLException {
    try (Nodes nodes = Nodes.threeWithTables(1_700_000_000_000L, 7)) {
      for (Action a : actions) {
        run(nodes, a);
      }
      List<ReceivedTx> all = nodes.union();
      for (Store s : nodes.stores) {
        s.applyRemote(all).orThrow();
      }
      List<String> expected = Nodes.state(nodes.stores.get(0));
      for (Store s : nodes.stores) {
        assertThat(Nodes.state(s)).isEqualTo(expected);
      }
      for (int r = 0; r < 2; r++) {
        Store fresh = nodes.add(1_700_000_000_000L);
        List<ReceivedTx> shuffled = new ArrayList<>(all);
        for (ReceivedTx tx : all) {
          if (random.nextInt(3) == 0) {
            shuffled.add(tx);
          }
        }
        Collections.shuffle(shuffled, random);
        int at = 0;
        while (at < shuffled.size()) {
          int n = 1 + random.nextInt(4);
          fresh.applyRemote(shuffled.subList(at, Math.min(shuffled.size(), at + n))).orThrow();
          at += n;
        }
        assertThat(Nodes.state(fresh)).isEqualTo(expected);
        assertThat(((SqliteStore) fresh).count("_pl_pending")).isZero();
      }
      Store first = nodes.stores.get(1);
      first.rebuild();
      assertThat(Nodes.state(first)).isEqualTo(expected);
    }
  }

  static void run(Nodes nodes, Action a) throws SQLException {
    Store s = nodes.stores.get(a.node());
    nodes.clocks.get(a.node()).set(nodes.clocks.get(a.node()).millis() + a.skew());
    if (a.kind() == Kind.SYNC) {
      Nodes.sync(nodes.stores.get((int) ((a.node() + 1 + a.value() % 2) % 3)), s);
      return;
    }
    try (WriteTxn tx = s.beginWrite(Fixtures.WAIT)) {
      Object[] key = {a.key()};
      switch (a.kind()) {
        case INSERT -> tx.insert("kv", row(a.key(), a.value()), OnConflict.IGNORE);
        case UPDATE -> update(tx, key, a.columns(), a.value());
        case DELETE -> tx.delete("kv", key);
        case NOTE -> tx.insert("notes", new Object[] {a.value()}, OnConflict.ERROR);
        case MIXED -> {
          tx.delete("kv", key);
          tx.insert("kv", row(a.key(), a.value()), OnConflict.IGNORE);
          update(tx, key, a.columns(), a.value() + 1);
          tx.insert("kv", row((a.key() + 1) % 5, a.value()), OnConflict.IGNORE);
        }
        default -> throw new IllegalStateException();
      }
      tx.commit();
    }
  }

  private static Object[] row(long k, long v) {
    return new Object[] {k, "v" + v, v, v / 2.0};
  }

  private static void update(WriteTxn tx, Object[] key, int mask, long v) throws SQLException {
    List<Integer> cols = new ArrayList<>();
    List<Object> vals = new ArrayList<>();
    Object[] all = {"u" + v, v * 10, v * 0.25};
    for (int c = 0; c < 3; c++) {
      if ((mask & 1 << c) != 0) {
        cols.add(c + 1);
        vals.add(all[c]);
      }
    }
    tx.update("kv", key, cols.stream().mapToInt(Integer::intValue).toArray(), vals.toArray());
  }
}
