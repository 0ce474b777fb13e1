package io.pluresdb.sync.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import io.pluresdb.crdt.clock.OpId;
import io.pluresdb.crdt.op.Operation;
import io.pluresdb.crdt.schema.Catalog;
import io.pluresdb.crdt.schema.ColumnDef;
import io.pluresdb.crdt.schema.ColumnType;
import io.pluresdb.crdt.schema.ForeignKeyDef;
import io.pluresdb.crdt.schema.IndexDef;
import io.pluresdb.crdt.schema.PolicyDef;
import io.pluresdb.crdt.schema.SchemaChange;
import io.pluresdb.crdt.schema.SequenceDef;
import io.pluresdb.crdt.schema.TableDef;
import io.pluresdb.crdt.schema.TriggerDef;
import io.pluresdb.crdt.schema.ViewDef;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every kind of schema change names the collection a write policy judges. A kind without one failed
 * every batch that carried it, so the session closed again at each reconnect and the peers never
 * converged (it happened to RENAME COLUMN and DROP COLUMN).
 */
class AccessTest {
  @Test
  void everySchemaChangeKindNamesItsCollection() {
    TableDef t =
        new TableDef(
            "t",
            List.of(ColumnDef.of("id", ColumnType.BIGINT)),
            List.of("id"),
            List.of(),
            List.of(),
            List.of());
    List<SchemaChange> all =
        List.of(
            new SchemaChange.CreateTable(t),
            new SchemaChange.DropTable("t"),
            new SchemaChange.AddColumn("t", ColumnDef.of("x", ColumnType.BIGINT)),
            new SchemaChange.CreateIndex(
                new IndexDef("t_id", "t", List.of("id"), false, "btree", Map.of())),
            new SchemaChange.DropIndex("t_id"),
            new SchemaChange.CreateView(new ViewDef("t", "SELECT 1", List.of())),
            new SchemaChange.DropView("t"),
            new SchemaChange.CreateSequence(new SequenceDef("t", 1, 1)),
            new SchemaChange.DropSequence("t"),
            new SchemaChange.AddForeignKey(
                "t", new ForeignKeyDef("fk", List.of("id"), "p", List.of("id"))),
            new SchemaChange.DropConstraint("t", "fk"),
            new SchemaChange.RenameColumn("t", "id", "key"),
            new SchemaChange.AlterColumn("t", ColumnDef.of("x", ColumnType.VARCHAR)),
            new SchemaChange.DropColumn("t", "x"),
            new SchemaChange.CreateTrigger(
                new TriggerDef(
                    "tr",
                    "t",
                    "CREATE TRIGGER …",
                    "AFTER",
                    "INSERT",
                    List.of(),
                    null,
                    List.of("SELECT 1"))),
            new SchemaChange.DropTrigger("tr"),
            new SchemaChange.RenameTable("t", "t2"),
            new SchemaChange.SetPragma("user_version", 3),
            new SchemaChange.CreatePolicy(
                new PolicyDef("p", "t", "ALL", "true", null, "CREATE POLICY p ON t USING (true)")),
            new SchemaChange.DropPolicy("p", "t"));
    assertThat(all.stream().map(Object::getClass).distinct())
        .as("one of each kind")
        .containsExactlyInAnyOrder(SchemaChange.class.getPermittedSubclasses());
    for (SchemaChange c : all) {
      String expected =
          c instanceof SchemaChange.DropIndex
              ? "t_id"
              : c instanceof SchemaChange.DropTrigger
                  ? "tr"
                  : c instanceof SchemaChange.SetPragma ? "sqlite_schema" : "t";
      assertThat(Access.collection(Operation.schema(OpId.of(1, 0, 1), c), Catalog.empty()))
          .as(c.toString())
          .isEqualTo(expected);
    }
  }
}
