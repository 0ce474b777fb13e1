package io.pluresdb.crdt.store;

import static io.pluresdb.crdt.store.Fixtures.WAIT;
import static org.assertj.core.api.Assertions.assertThat;

import io.pluresdb.crdt.schema.ColumnDef;
import io.pluresdb.crdt.schema.ColumnType;
import io.pluresdb.crdt.schema.SchemaChange;
import io.pluresdb.crdt.schema.TableDef;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Names are kept as written on every node and match in any case, as in SQLite. */
@Timeout(120)
class WrittenNamesTest {
  @TempDir Path dir;

  private static final TableDef CUSTOMER =
      new TableDef(
          "Customer",
          List.of(
              new ColumnDef("Id", ColumnType.BIGINT, 0, 0, false, null, false),
              ColumnDef.of("FullName", ColumnType.VARCHAR)),
          List.of("Id"),
          List.of(),
          List.of(),
          List.of());

  private static void schema(Store s, SchemaChange change) throws SQLException {
    try (WriteTxn tx = s.beginWrite(WAIT)) {
      tx.schema(change);
      tx.commit();
    }
  }

  @Test
  void aWrittenNameReplicatesAsWrittenAndMatchesInAnyCase() throws SQLException {
    try (Store a = Store.open(StoreConfig.file(dir.resolve("a.db")));
        Store b = Store.open(StoreConfig.file(dir.resolve("b.db")))) {
      schema(a, new SchemaChange.CreateTable(CUSTOMER));
      try (WriteTxn tx = a.beginWrite(WAIT)) {
        // as the SQL layer does, writes name the table as written
        tx.insert("Customer", new Object[] {1L, "Ann"}, OnConflict.ERROR);
        tx.commit();
      }
      // the SQL layer names the table and column as written in schema operations
      schema(a, new SchemaChange.RenameColumn("Customer", "FullName", "Name"));
      b.applyRemote(Nodes.received(a)).orThrow();

      TableDef onB = b.catalog().table("CUSTOMER");
      assertThat(onB).isNotNull();
      assertThat(onB.name()).isEqualTo("Customer");
      assertThat(onB.columns()).extracting(ColumnDef::name).containsExactly("Id", "Name");
      assertThat(b.catalog().tables().keySet()).containsExactly("Customer");
      assertThat(onB.columnIndex("NAME")).isEqualTo(1);
      assertThat(Fixtures.dump(b, "SELECT Id, Name FROM Customer")).containsExactly("[1, Ann]");

      schema(b, new SchemaChange.DropTable("customer"));
      a.applyRemote(Nodes.received(b)).orThrow();
      assertThat(a.catalog().tables()).isEmpty();
      assertThat(b.catalog().tables()).isEmpty();
    }
  }

  @Test
  void aCatalogStoredWithLowerCaseNamesMatchesMixedCaseStatements() throws SQLException {
    Path file = dir.resolve("old.db");
    try (Store s = Store.open(StoreConfig.file(file))) {
      schema(
          s,
          new SchemaChange.CreateTable(
              new TableDef(
                  "customer",
                  List.of(new ColumnDef("id", ColumnType.BIGINT, 0, 0, false, null, false)),
                  List.of("id"),
                  List.of(),
                  List.of(),
                  List.of())));
    }
    try (Store s = Store.open(StoreConfig.file(file))) {
      assertThat(s.catalog().table("Customer")).isNotNull();
      assertThat(s.catalog().table("Customer").name()).isEqualTo("customer");
      try (WriteTxn tx = s.beginWrite(WAIT)) {
        tx.insert("CUSTOMER", new Object[] {7L}, OnConflict.ERROR);
        tx.commit();
      }
      assertThat(Fixtures.dump(s, "SELECT id FROM customer")).containsExactly("[7]");
    }
  }

  @Test
  void twoNodesCreatingOneTableInDifferentCaseConvergeOnOneSpellingAndKeepEveryRow()
      throws SQLException {
    TableDef lower =
        new TableDef(
            "customer",
            List.of(
                new ColumnDef("id", ColumnType.BIGINT, 0, 0, false, null, false),
                ColumnDef.of("fullname", ColumnType.VARCHAR)),
            List.of("id"),
            List.of(),
            List.of(),
            List.of());
    try (Store a = Store.open(StoreConfig.file(dir.resolve("a.db")));
        Store b = Store.open(StoreConfig.file(dir.resolve("b.db")))) {
      schema(a, new SchemaChange.CreateTable(CUSTOMER));
      schema(b, new SchemaChange.CreateTable(lower));
      try (WriteTxn tx = a.beginWrite(WAIT)) {
        tx.insert("customer", new Object[] {1L, "Ann"}, OnConflict.ERROR);
        tx.commit();
      }
      try (WriteTxn tx = b.beginWrite(WAIT)) {
        tx.insert("CUSTOMER", new Object[] {2L, "Bo"}, OnConflict.ERROR);
        tx.commit();
      }
      try (WriteTxn tx = b.beginWrite(WAIT)) {
        tx.update("Customer", new Object[] {2L}, new int[] {1}, new Object[] {"Bob"});
        tx.commit();
      }
      a.applyRemote(Nodes.received(b)).orThrow();
      b.applyRemote(Nodes.received(a)).orThrow();
      try (WriteTxn tx = a.beginWrite(WAIT)) {
        tx.delete("CUSTOMER", new Object[] {1L});
        tx.commit();
      }
      b.applyRemote(Nodes.received(a)).orThrow();

      assertThat(a.catalog().tables().keySet()).isEqualTo(b.catalog().tables().keySet());
      assertThat(a.catalog().table("customer")).isEqualTo(b.catalog().table("customer"));
      for (Store s : List.of(a, b)) {
        assertThat(Fixtures.dump(s, "SELECT id, fullname FROM customer ORDER BY 1"))
            .containsExactly("[2, Bob]");
        assertThat(Fixtures.dump(s, "SELECT count(*) FROM _pl_tomb")).containsExactly("[1]");
      }
    }
  }

  @Test
  void aDeleteNamedInAnotherCaseLeavesItsTombstoneWhereLaterWritesFindIt() throws SQLException {
    try (Store a = Store.open(StoreConfig.file(dir.resolve("a.db")));
        Store b = Store.open(StoreConfig.file(dir.resolve("b.db")))) {
      schema(a, new SchemaChange.CreateTable(CUSTOMER));
      try (WriteTxn tx = a.beginWrite(WAIT)) {
        tx.insert("customer", new Object[] {1L, "Ann"}, OnConflict.ERROR);
        tx.commit();
      }
      b.applyRemote(Nodes.received(a)).orThrow();
      try (WriteTxn tx = a.beginWrite(WAIT)) {
        tx.delete("CUSTOMER", new Object[] {1L});
        tx.commit();
      }
      // concurrent with the delete, so the delete wins on both nodes
      try (WriteTxn tx = b.beginWrite(WAIT)) {
        tx.update("customer", new Object[] {1L}, new int[] {1}, new Object[] {"Anne"});
        tx.commit();
      }
      a.applyRemote(Nodes.received(b)).orThrow();
      b.applyRemote(Nodes.received(a)).orThrow();
      for (Store s : List.of(a, b)) {
        assertThat(Fixtures.dump(s, "SELECT id FROM Customer")).isEmpty();
        // one tombstone, under the table's written name
        assertThat(Fixtures.dump(s, "SELECT tbl FROM _pl_tomb")).containsExactly("[Customer]");
      }
    }
  }
}
