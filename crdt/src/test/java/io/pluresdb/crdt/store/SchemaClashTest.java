package io.pluresdb.crdt.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pluresdb.crdt.clock.OpId;
import io.pluresdb.crdt.op.OpKind;
import io.pluresdb.crdt.op.Operation;
import io.pluresdb.crdt.op.ReceivedTx;
import io.pluresdb.crdt.op.Transaction;
import io.pluresdb.crdt.schema.ColumnDef;
import io.pluresdb.crdt.schema.ColumnType;
import io.pluresdb.crdt.schema.SchemaChange;
import io.pluresdb.crdt.schema.TableDef;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The schema merge's rules on two nodes, one clash at a time, and what counts as malformed. */
class SchemaClashTest {
  private static final long T0 = 1_700_000_000_000L;
  private Nodes nodes;
  private Store a;
  private Store b;

  @BeforeEach
  void open() throws SQLException {
    nodes = new Nodes();
    a = nodes.add(T0);
    b = nodes.add(T0 + 10);
  }

  @AfterEach
  void close() throws SQLException {
    nodes.close();
  }

  private static TableDef clash(String key, ColumnDef... columns) {
    return new TableDef("clash", List.of(columns), List.of(key), List.of(), List.of(), List.of());
  }

  private static ColumnDef key(String name, ColumnType type) {
    return new ColumnDef(name, type, 0, 0, false, null, false);
  }

  private static void create(Store s, TableDef t, Object[] row) throws SQLException {
    try (WriteTxn tx = s.beginWrite(Fixtures.WAIT)) {
      tx.schema(new SchemaChange.CreateTable(t));
      tx.insert("clash", row, OnConflict.ERROR);
      tx.commit();
    }
  }

  private static List<String> conflicts(Store s, String kind) throws SQLException {
    return Fixtures.dump(
        s, "SELECT entity, detail FROM _pl_conflicts WHERE kind='" + kind + "' ORDER BY entity");
  }

  @Test
  void aColumnDeclaredWithTwoTypesTakesTheLaterDeclarationAndKeepsTheOtherValueInTheLog()
      throws SQLException {
    create(
        a,
        clash("id", key("id", ColumnType.BIGINT), ColumnDef.of("v", ColumnType.BIGINT)),
        new Object[] {1L, 7L});
    create(
        b,
        clash("id", key("id", ColumnType.BIGINT), ColumnDef.of("v", ColumnType.VARCHAR)),
        new Object[] {2L, "seven"});
    Nodes.sync(a, b);
    Nodes.sync(b, a);
    for (Store s : List.of(a, b)) {
      assertThat(s.catalog().table("clash").column("v").type()).isEqualTo(ColumnType.VARCHAR);
      // a's 7 converts to the winning type; nothing is parked
      assertThat(Fixtures.dump(s, "SELECT id, v FROM clash"))
          .containsExactly("[1, 7]", "[2, seven]");
      assertThat(((SqliteStore) s).count("_pl_pending")).isZero();
      assertThat(conflicts(s, "SCHEMA"))
          .singleElement()
          .asString()
          .contains("column 'v' of table 'clash'", "VARCHAR", "BIGINT");
    }
  }

  @Test
  void aValueThatFitsOnlyTheLosingTypeIsKeptInTheLogAndRecorded() throws SQLException {
    create(
        a,
        clash("id", key("id", ColumnType.BIGINT), ColumnDef.of("v", ColumnType.VARCHAR)),
        new Object[] {1L, "text"});
    create(
        b,
        clash("id", key("id", ColumnType.BIGINT), ColumnDef.of("v", ColumnType.DATE)),
        new Object[] {2L, java.time.LocalDate.of(2024, 5, 6)});
    Nodes.sync(b, a);
    Nodes.sync(a, b);
    for (Store s : List.of(a, b)) {
      assertThat(s.catalog().table("clash").column("v").type()).isEqualTo(ColumnType.DATE);
      assertThat(Fixtures.dump(s, "SELECT id, v FROM clash"))
          .containsExactly("[1, null]", "[2, 2024-05-06]");
      assertThat(conflicts(s, "TYPE")).singleElement().asString().contains("'v'", "VARCHAR");
    }
    assertThat(a.log()).hasSameSizeAs(b.log());
  }

  @Test
  void aPrimaryKeyClashKeepsTheLosersRowsThatFitAndReportsTheOthers() throws SQLException {
    create(
        a,
        clash("id", key("id", ColumnType.BIGINT), ColumnDef.of("v", ColumnType.BIGINT)),
        new Object[] {1L, 1L});
    create(
        b,
        clash("name", key("name", ColumnType.VARCHAR), ColumnDef.of("v", ColumnType.BIGINT)),
        new Object[] {"bob", 2L});
    Nodes.sync(a, b);
    Nodes.sync(b, a);
    for (Store s : List.of(a, b)) {
      assertThat(s.catalog().table("clash").primaryKey()).containsExactly("name");
      assertThat(((SqliteStore) s).count("_pl_pending")).isZero();
      assertThat(conflicts(s, "SCHEMA")).anySatisfy(c -> assertThat(c).contains("PRIMARY KEY"));
    }
    assertThat(Fixtures.dump(a, "SELECT name, id, v FROM clash"))
        .isEqualTo(Fixtures.dump(b, "SELECT name, id, v FROM clash"));
  }

  @Test
  void laterWritesOfTheSecondNodeArriveAfterAClash() throws SQLException {
    Nodes.createTables(a);
    Nodes.sync(a, b);
    create(a, clash("id", key("id", ColumnType.BIGINT)), new Object[] {1L});
    create(
        b,
        clash("id", key("id", ColumnType.BIGINT), ColumnDef.of("w", ColumnType.VARCHAR)),
        new Object[] {2L, "w"});
    try (WriteTxn tx = b.beginWrite(Fixtures.WAIT)) {
      tx.insert("notes", new Object[] {42L}, OnConflict.ERROR);
      tx.commit();
    }
    Nodes.sync(b, a);
    assertThat(Fixtures.dump(a, "SELECT n FROM notes")).containsExactly("[42]");
    assertThat(Fixtures.dump(a, "SELECT id, w FROM clash")).containsExactly("[1, null]", "[2, w]");
    assertThat(((SqliteStore) a).count("_pl_pending")).isZero();
  }

  @Test
  void aValueThatFitsNoDeclarationRefusesTheCallAndWritesNothing() throws SQLException {
    Nodes.createTables(a);
    List<ReceivedTx> schema = Nodes.received(a);
    b.applyRemote(schema).orThrow();
    OpId tx = OpId.of(T0 + 5, 0, 0x77);
    Operation insert =
        new Operation(
            OpId.of(T0 + 5, 1, 0x77),
            OpKind.INSERT,
            "kv",
            new Object[] {1L},
            new String[] {"k", "a", "b", "c"},
            new Object[] {1L, "x", "not a number", 1.0},
            List.of(),
            null);
    ReceivedTx bad = ReceivedTx.encode(new Transaction(tx, null, List.of(insert)));
    ApplyResult result = b.applyRemote(List.of(bad));
    assertThat(result).isInstanceOf(ApplyResult.Malformed.class);
    assertThat(((ApplyResult.Malformed) result).message())
        .contains("column 'b' of table 'kv' is BIGINT", "'not a number'", tx.toString());
    assertThatThrownBy(result::orThrow).hasFieldOrPropertyWithValue("SQLState", "22018");
    assertThat(b.log()).hasSameSizeAs(schema);
    assertThat(Fixtures.dump(b, "SELECT k FROM kv")).isEmpty();
    assertThat(((SqliteStore) b).count("_pl_pending")).isZero();
  }

  @Test
  void aParkedTransactionWithAValueThatFitsNoDeclarationIsDroppedAndReportedNotAStall()
      throws SQLException {
    Nodes.createTables(a);
    List<ReceivedTx> schema = Nodes.received(a);
    b.applyRemote(schema).orThrow();
    OpId first = OpId.of(T0 + 5, 0, 0x77);
    OpId second = OpId.of(T0 + 6, 0, 0x77);
    ReceivedTx good = ReceivedTx.encode(new Transaction(first, null, List.of(kv(first, 1L, 2L))));
    ReceivedTx bad =
        ReceivedTx.encode(new Transaction(second, first, List.of(kv(second, 2L, "not a number"))));
    // the bad one arrives first and waits for its predecessor: nothing judges its values yet
    assertThat(b.applyRemote(List.of(bad)).orThrow().pending()).isEqualTo(1);
    ApplyResult result = b.applyRemote(List.of(good));
    assertThat(result).isInstanceOf(ApplyResult.Applied.class);
    assertThat(((ApplyResult.Applied) result).applied()).isEqualTo(1);
    assertThat(Fixtures.dump(b, "SELECT k, b FROM kv")).containsExactly("[1, 2]");
    assertThat(((SqliteStore) b).count("_pl_pending")).isZero();
    assertThat(conflicts(b, "MALFORMED"))
        .singleElement()
        .asString()
        .contains("column 'b' of table 'kv' is BIGINT", second.toString());
  }

  private static Operation kv(OpId tx, long k, Object b) {
    return new Operation(
        OpId.of(tx.millis(), tx.counter() + 1, tx.node()),
        OpKind.INSERT,
        "kv",
        new Object[] {k},
        new String[] {"k", "a", "b", "c"},
        new Object[] {k, "x", b, 1.0},
        List.of(),
        null);
  }
}
