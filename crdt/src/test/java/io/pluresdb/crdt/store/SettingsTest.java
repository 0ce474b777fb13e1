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

/** PRAGMA user_version and the declared words of columns live in the replicated schema. */
@Timeout(120)
class SettingsTest {
  @TempDir Path dir;

  private static void schema(Store s, SchemaChange change) throws SQLException {
    try (WriteTxn tx = s.beginWrite(WAIT)) {
      tx.schema(change);
      tx.commit();
    }
  }

  @Test
  void userVersionSurvivesReopeningAndReplicatesWithTheSchema() throws SQLException {
    Store a = Store.open(StoreConfig.file(dir.resolve("a.db")));
    schema(a, new SchemaChange.SetPragma("user_version", 3));
    a.close();
    try (Store reopened = Store.open(StoreConfig.file(dir.resolve("a.db")));
        Store b = Store.open(StoreConfig.file(dir.resolve("b.db")))) {
      assertThat(reopened.catalog().setting("user_version")).isEqualTo(3);
      assertThat(b.catalog().setting("user_version")).isZero();
      b.applyRemote(Nodes.received(reopened)).orThrow();
      assertThat(b.catalog().setting("user_version")).isEqualTo(3);
      assertThat(b.catalog().setting("application_id")).isZero();
    }
  }

  @Test
  void ofConcurrentSettingsTheGreaterOperationIdHoldsOnEveryNode() throws SQLException {
    try (Store a = Store.open(StoreConfig.file(dir.resolve("a.db")));
        Store b = Store.open(StoreConfig.file(dir.resolve("b.db")))) {
      schema(a, new SchemaChange.SetPragma("user_version", 1));
      schema(b, new SchemaChange.SetPragma("user_version", 2));
      var fromA = Nodes.received(a);
      var fromB = Nodes.received(b);
      a.applyRemote(fromB).orThrow();
      b.applyRemote(fromA).orThrow();
      var settingA = a.catalog().settings().get("user_version");
      var settingB = b.catalog().settings().get("user_version");
      assertThat(settingA).isEqualTo(settingB);
      assertThat(settingA.value()).isIn(1L, 2L);
    }
  }

  @Test
  void declaredWordsAndCollationReplicateWithTheTable() throws SQLException {
    ColumnDef name =
        new ColumnDef("n", ColumnType.VARCHAR, 100, 0, true, null, false, "varchar(100)", "NOCASE");
    ColumnDef any = new ColumnDef("x", ColumnType.ANY, 0, 0, true, null, false, "", null);
    TableDef t = new TableDef("t", List.of(name, any), List.of(), List.of(), List.of(), List.of());
    try (Store a = Store.open(StoreConfig.file(dir.resolve("a.db")));
        Store b = Store.open(StoreConfig.file(dir.resolve("b.db")))) {
      schema(a, new SchemaChange.CreateTable(t));
      b.applyRemote(Nodes.received(a)).orThrow();
      assertThat(b.catalog().table("t")).isEqualTo(t);
    }
  }
}
