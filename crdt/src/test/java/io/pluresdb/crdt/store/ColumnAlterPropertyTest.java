package io.pluresdb.crdt.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.pluresdb.crdt.op.ReceivedTx;
import io.pluresdb.crdt.schema.ColumnDef;
import io.pluresdb.crdt.schema.ColumnType;
import io.pluresdb.crdt.schema.SchemaChange;
import io.pluresdb.crdt.schema.TableDef;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/**
 * RENAME COLUMN and DROP COLUMN merge like data: three nodes that rename, drop and add columns of
 * one table and write to it under the names they know, in any interleaving with partial syncs, end
 * with the same columns and rows once each holds every transaction, whatever the arrival order,
 * with nothing pending; so does a fresh node fed the logs interleaved, and a rebuild from the log.
 * Each node renames and adds to names of its own: a rename into a name another node added
 * concurrently, or re-adding a renamed name on another node, can still diverge (known, unfinished).
 */
class ColumnAlterPropertyTest {
  enum Kind {
    INSERT,
    UPDATE,
    RENAME,
    DROP,
    ADD,
    SYNC
  }

  record Action(int node, Kind kind, int pick, long value) {}

  private static final String TABLE = "alt";

  @Provide
  Arbitrary<List<Action>> actions() {
    Arbitrary<Kind> kinds =
        Arbitraries.frequencyOf(
            Tuple.of(5, Arbitraries.just(Kind.INSERT)),
            Tuple.of(3, Arbitraries.just(Kind.UPDATE)),
            Tuple.of(3, Arbitraries.just(Kind.RENAME)),
            Tuple.of(2, Arbitraries.just(Kind.DROP)),
            Tuple.of(2, Arbitraries.just(Kind.ADD)),
            Tuple.of(4, Arbitraries.just(Kind.SYNC)));
    return Combinators.combine(
            Arbitraries.integers().between(0, 2),
            kinds,
            Arbitraries.integers().between(0, 3),
            Arbitraries.longs().between(0, 9))
        .as(Action::new)
        .list()
        .ofMinSize(1)
        .ofMaxSize(25);
  }

  @Property(tries = 60)
  void renamesAndDropsOfColumnsConvergeInAnyArrivalOrder(
      @ForAll("actions") List<Action> actions, @ForAll Random random) throws SQLException {
    try (Nodes nodes = Nodes.threeWithTables(1_700_000_000_000L, 5)) {
      create(nodes.stores.get(0));
      for (int i = 1; i < 3; i++) {
        Nodes.sync(nodes.stores.get(0), nodes.stores.get(i));
      }
      for (Action a : actions) {
        run(nodes, a);
      }
      List<ReceivedTx> all = nodes.union();
      for (Store s : nodes.stores) {
        s.applyRemote(all).orThrow();
      }
      String expected = state(nodes.stores.get(0));
      for (Store s : nodes.stores) {
        assertThat(state(s)).isEqualTo(expected);
        assertThat(((SqliteStore) s).count("_pl_pending")).isZero();
      }
      Store fresh = nodes.add(1_700_000_000_000L);
      List<ReceivedTx> shuffled = SchemaClashPropertyTest.interleaved(nodes, random);
      for (int at = 0; at < shuffled.size(); ) {
        int n = 1 + random.nextInt(3);
        fresh.applyRemote(shuffled.subList(at, Math.min(shuffled.size(), at + n))).orThrow();
        at += n;
      }
      assertThat(state(fresh)).isEqualTo(expected);
      assertThat(((SqliteStore) fresh).count("_pl_pending")).isZero();
      Store first = nodes.stores.get(1);
      first.rebuild();
      assertThat(state(first)).isEqualTo(expected);
    }
  }

  private static void create(Store s) throws SQLException {
    try (WriteTxn tx = s.beginWrite(Fixtures.WAIT)) {
      tx.schema(
          new SchemaChange.CreateTable(
              new TableDef(
                  TABLE,
                  List.of(
                      new ColumnDef("id", ColumnType.BIGINT, 0, 0, false, null, false),
                      ColumnDef.of("a", ColumnType.VARCHAR),
                      ColumnDef.of("b", ColumnType.BIGINT)),
                  List.of("id"),
                  List.of(),
                  List.of(),
                  List.of())));
      tx.commit();
    }
  }

  /** The table's definition and rows. */
  private static String state(Store s) throws SQLException {
    TableDef def = s.catalog().table(TABLE);
    List<String> cols = new ArrayList<>();
    def.columns().forEach(c -> cols.add('"' + c.name() + '"'));
    return def
        + "\n"
        + Fixtures.dump(s, "SELECT " + String.join(", ", cols) + " FROM " + TABLE + " ORDER BY id")
        + "\n"
        + Fixtures.dump(s, "SELECT detail FROM _pl_conflicts WHERE tbl=''");
  }

  private static void run(Nodes nodes, Action a) throws SQLException {
    Store s = nodes.stores.get(a.node());
    nodes.clocks.get(a.node()).set(nodes.clocks.get(a.node()).millis() + 1 + a.value() % 3);
    if (a.kind() == Kind.SYNC) {
      Nodes.sync(nodes.stores.get((a.node() + 1 + a.pick() % 2) % 3), s);
      return;
    }
    TableDef t = s.catalog().table(TABLE);
    List<ColumnDef> others = t.columns().subList(1, t.columns().size());
    // each node names new columns with names of its own, never used again (see the class note)
    String free = "n" + a.node() + "t" + (nodes.clocks.get(a.node()).millis() % 100_000);
    ColumnDef target = others.isEmpty() ? null : others.get(a.pick() % others.size());
    try (WriteTxn tx = s.beginWrite(Fixtures.WAIT)) {
      switch (a.kind()) {
        case INSERT -> {
          Object[] row = new Object[t.columns().size()];
          row[0] = a.value();
          for (int i = 1; i < row.length; i++) {
            row[i] = value(t.columns().get(i), a);
          }
          tx.insert(TABLE, row, OnConflict.IGNORE);
        }
        case UPDATE -> {
          if (target == null) {
            return;
          }
          tx.update(
              TABLE,
              new Object[] {a.value() % 4},
              new int[] {t.columnIndex(target.name())},
              new Object[] {value(target, a)});
        }
        case RENAME -> {
          if (target == null || free == null) {
            return;
          }
          tx.schema(new SchemaChange.RenameColumn(TABLE, target.name(), free));
        }
        case DROP -> {
          if (target == null || others.size() < 2) {
            return;
          }
          tx.schema(new SchemaChange.DropColumn(TABLE, target.name()));
        }
        case ADD -> {
          if (free == null) {
            return;
          }
          ColumnType type = a.value() % 2 == 0 ? ColumnType.BIGINT : ColumnType.VARCHAR;
          tx.schema(new SchemaChange.AddColumn(TABLE, ColumnDef.of(free, type)));
        }
        default -> throw new IllegalStateException();
      }
      tx.commit();
    }
  }

  private static Object value(ColumnDef c, Action a) {
    return c.type() == ColumnType.BIGINT ? a.node() * 100 + a.value() : "n" + a.node() + a.value();
  }
}
