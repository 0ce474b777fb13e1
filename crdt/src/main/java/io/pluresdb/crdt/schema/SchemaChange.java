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

  /** {@code ALTER TABLE t ADD CONSTRAINT … FOREIGN KEY}, as Hibernate adds its foreign keys. */
  record AddForeignKey(String table, ForeignKeyDef foreignKey) implements SchemaChange {}

  /** {@code ALTER TABLE t DROP CONSTRAINT name}, for a named foreign key. */
  record DropConstraint(String table, String constraint) implements SchemaChange {}

  /**
   * {@code ALTER TABLE t RENAME [COLUMN] a TO b}. Data operations naming {@code a} follow the
   * rename by id (see {@link ColumnNames}).
   */
  record RenameColumn(String table, String column, String to) implements SchemaChange {}

  /**
   * {@code ALTER TABLE t ALTER [COLUMN] c SET|DROP NOT NULL, SET|DROP DEFAULT, [SET DATA] TYPE}:
   * the column's declaration becomes {@code column} (same name). Of concurrent ones on a column,
   * the one with the greater operation id holds on every node.
   */
  record AlterColumn(String table, ColumnDef column) implements SchemaChange {}

  /** {@code ALTER TABLE t DROP [COLUMN] a}: its values stay in the log only. */
  record DropColumn(String table, String column) implements SchemaChange {}

  /** {@code CREATE TRIGGER}: fired by local writes only (see {@link TriggerDef}). */
  record CreateTrigger(TriggerDef trigger) implements SchemaChange {}

  /** {@code DROP TRIGGER name}. */
  record DropTrigger(String trigger) implements SchemaChange {}

  /**
   * {@code ALTER TABLE t RENAME TO t2}. The table is an incarnation that keeps its rows, clocks and
   * tombstones under the new name; data operations naming {@code t} that arrive afterwards (written
   * by a node that had not seen the rename) land in {@code t2} while no table holds the name {@code
   * t} again.
   */
  record RenameTable(String table, String to) implements SchemaChange {}

  /**
   * {@code PRAGMA user_version = n} or {@code PRAGMA application_id = n}: a database-wide {@link
   * Setting}, the last one (by operation id) holding.
   */
  record SetPragma(String pragma, long value) implements SchemaChange {}

  /** {@code CREATE POLICY name ON table …}: a row-level policy (see {@link PolicyDef}). */
  record CreatePolicy(PolicyDef policy) implements SchemaChange {}

  /** {@code DROP POLICY name ON table}. */
  record DropPolicy(String policy, String table) implements SchemaChange {}
}
