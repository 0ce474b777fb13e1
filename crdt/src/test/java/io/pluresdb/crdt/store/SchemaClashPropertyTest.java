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

/**
 * Schema operations merge like data: three nodes that each create, extend and drop one table with
 * clashing definitions (other column types, another primary key) and write to it, in any
 * interleaving with partial syncs, end with the same definition and the same rows once each holds
 * every transaction, whatever the arrival order and duplication, and nothing waits in {@code
 * _pl_pending}; so does a rebuild from the log.
 */
class SchemaClashPropertyTest {
  enum Kind {
    CREATE,
    ADD_COLUMN,
    INSERT,
    INSERT_OTHER,
    DROP,
    SYNC
  }

  record Action(int node, Kind kind, int variant, long value) {}

  private static final String TABLE = "clash";

  /** The three clashing definitions: other types for {@code v}, another key for the third. */
  private static TableDef variant(int v) {
    ColumnDef key = new ColumnDef("id", ColumnType.BIGINT, 0, 0, false, null, false);
    return switch (v) {
      case 0 ->
          table(
              List.of(
                  key, ColumnDef.of("v", ColumnType.BIGINT), ColumnDef.of("a", ColumnType.VARCHAR)),
              "id");
      case 1 ->
          table(
              List.of(
                  key, ColumnDef.of("v", ColumnType.VARCHAR), ColumnDef.of("b", ColumnType.DOUBLE)),
              "id");
      default ->
          table(
              List.of(
                  new ColumnDef("name", ColumnType.VARCHAR, 0, 0, false, null, false),
                  ColumnDef.of("v", ColumnType.BIGINT)),
              "name");
    };
  }

  private static TableDef table(List<ColumnDef> columns, String key) {
    return new TableDef(TABLE, columns, List.of(key), List.of(), List.of(), List.of());
  }

  @Provide
  Arbitrary<List<Action>> actions() {
    Arbitrary<Kind> kinds =
        Arbitraries.frequencyOf(
            net.jqwik.api.Tuple.of(4, Arbitraries.just(Kind.CREATE)),
            net.jqwik.api.Tuple.of(2, Arbitraries.just(Kind.ADD_COLUMN)),
            net.jqwik.api.Tuple.of(6, Arbitraries.just(Kind.INSERT)),
            net.jqwik.api.Tuple.of(2, Arbitraries.just(Kind.INSERT_OTHER)),
            net.jqwik.api.Tuple.of(1, Arbitraries.just(Kind.DROP)),
            net.jqwik.api.Tuple.of(3, Arbitraries.just(Kind.SYNC)));
    Arbitrary<Action> action =
        Combinators.combine(
                Arbitraries.integers().between(0, 2),
                kinds,
                Arbitraries.integers().between(0, 2),
                Arbitraries.longs().between(0, 9))
            .as(Action::new);
    return action.list().ofMinSize(1).ofMaxSize(25);
  }

  @Property(tries = 60)
  void clashingSchemasConvergeInAnyArrivalOrder(
      @ForAll("actions") List<Action> actions, @ForAll Random random) throws SQLException {
    try (Nodes nodes = Nodes.threeWithTables(1_700_000_000_000L, 5)) {
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
      List<ReceivedTx> shuffled = interleaved(nodes, random);
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

  /**
   * Every node's log interleaved at random, each log kept in its own order, with repeats: the
   * orders in which sessions with those nodes can deliver (a sender streams its log in order, so a
   * value's declaration reaches a receiver before the value does, see {@link TypedValues}).
   */
  static List<ReceivedTx> interleaved(Nodes nodes, Random random) throws SQLException {
    List<List<ReceivedTx>> logs = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      logs.add(new ArrayList<>(Nodes.received(nodes.stores.get(i))));
    }
    List<ReceivedTx> out = new ArrayList<>();
    while (logs.stream().anyMatch(l -> !l.isEmpty())) {
      List<ReceivedTx> log = logs.get(random.nextInt(3));
      if (!log.isEmpty()) {
        out.add(log.remove(0));
      }
    }
    return out;
  }

  /** The clashing table's definition and rows, and the other tables' rows with their clocks. */
  private static String state(Store s) throws SQLException {
    TableDef def = s.catalog().table(TABLE);
    StringBuilder out = new StringBuilder(String.valueOf(def)).append('\n');
    if (def != null) {
      List<String> cols = new ArrayList<>();
      def.columns().forEach(c -> cols.add('"' + c.name() + '"'));
      if (def.primaryKey().isEmpty()) {
        cols.add("hex(_id)");
      }
      out.append(Fixtures.dump(s, "SELECT " + String.join(", ", cols) + " FROM " + TABLE));
    }
    // schema changes refused as no longer fitting would show here, and differ between nodes
    out.append('\n').append(Fixtures.dump(s, "SELECT detail FROM _pl_conflicts WHERE tbl=''"));
    return out.append('\n').append(Nodes.state(s)).toString();
  }

  private static void run(Nodes nodes, Action a) throws SQLException {
    Store s = nodes.stores.get(a.node());
    nodes.clocks.get(a.node()).set(nodes.clocks.get(a.node()).millis() + 1 + a.value() % 3);
    if (a.kind() == Kind.SYNC) {
      Nodes.sync(nodes.stores.get((a.node() + 1 + a.variant() % 2) % 3), s);
      return;
    }
    TableDef t = s.catalog().table(TABLE);
    try (WriteTxn tx = s.beginWrite(Fixtures.WAIT)) {
      switch (a.kind()) {
        case CREATE -> {
          if (t != null) {
            return;
          }
          tx.schema(new SchemaChange.CreateTable(variant(a.variant())));
          // a create and a first row in one transaction, as a migration and seed script do
          insert(tx, variant(a.variant()), a.value());
        }
        case ADD_COLUMN -> {
          String name = "x" + a.value() % 2;
          if (t == null || t.columnIndex(name) >= 0) {
            return;
          }
          ColumnType type = a.variant() == 0 ? ColumnType.BIGINT : ColumnType.VARCHAR;
          tx.schema(new SchemaChange.AddColumn(TABLE, ColumnDef.of(name, type)));
        }
        case INSERT -> {
          if (t == null) {
            return;
          }
          insert(tx, t, a.value());
        }
        case INSERT_OTHER -> tx.insert("notes", new Object[] {a.value()}, OnConflict.ERROR);
        case DROP -> {
          if (t == null) {
            return;
          }
          tx.schema(new SchemaChange.DropTable(TABLE));
        }
        default -> throw new IllegalStateException();
      }
      tx.commit();
    }
  }

  private static void insert(WriteTxn tx, TableDef t, long n) throws SQLException {
    Object[] row = new Object[t.columns().size()];
    for (int i = 0; i < row.length; i++) {
      ColumnType type = t.columns().get(i).type();
      row[i] =
          switch (type) {
            case BIGINT -> n + i;
            case DOUBLE -> n / 2.0;
            default -> "s" + n;
          };
    }
    tx.insert(TABLE, row, OnConflict.IGNORE);
  }
}
