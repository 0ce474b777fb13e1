package io.pluresdb.crdt.schema;

/** A schema operation; these replicate like data and are applied in operation-id order. */
public sealed interface SchemaChange {
  record CreateTable(TableDef table) implements SchemaChange {}

  record DropTable(String table) implements SchemaChange {}

  record AddColumn(String table, ColumnDef column) implements SchemaChange {}

  record CreateIndex(IndexDef index) implements SchemaChange {}

  record DropIndex(String index) implements SchemaChange {}

  record CreateView(ViewDef view) implements SchemaChange {}

  record DropView(String view) implements SchemaChange {}

  record CreateSequence(SequenceDef sequence) implements SchemaChange {}

  record DropSequence(String sequence) implements SchemaChange {}
}
