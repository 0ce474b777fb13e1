package io.pluresdb.crdt.store;

import io.pluresdb.crdt.feed.EntityChange;
import io.pluresdb.crdt.op.OpKind;
import io.pluresdb.crdt.op.Operation;
import io.pluresdb.crdt.op.Transaction;
import io.pluresdb.crdt.schema.Catalog;
import io.pluresdb.crdt.schema.SchemaChange;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

/**
 * Applies every operation of a transaction through the merge path, inside the caller's SQLite
 * transaction: data operations via {@link Materializer}, schema operations via {@link SchemaOps} (a
 * schema change already in effect is skipped; one that no longer fits, such as a second CREATE
 * TABLE of one name with other columns, is skipped and recorded in {@code _pl_conflicts}). Used for
 * remote transactions and for rebuilds.
 *
 * <p>Not thread-safe: used by the writer only.
 */
final class TxApplier {
  private final Writer w;
  private final Materializer merge;

  TxApplier(Writer w) {
    this.w = w;
    this.merge = new Materializer(w);
  }

  void apply(Transaction tx, List<EntityChange> changes, List<SchemaChange> schema)
      throws SQLException, Materializer.MissingSchema {
    for (Operation op : tx.ops()) {
      if (op.kind() == OpKind.SCHEMA) {
        applySchema(op, schema);
      } else {
        merge.apply(op, changes);
      }
    }
  }

  private void applySchema(Operation op, List<SchemaChange> schema) throws SQLException {
    if (alreadyHeld(w.catalog(), op.schema())) {
      return;
    }
    w.exec("SAVEPOINT pl_schema");
    try {
      w.catalog(SchemaOps.apply(w.conn, w.node, w.catalog(), op.schema(), op.id()));
      w.exec("RELEASE pl_schema");
      schema.add(op.schema());
    } catch (SQLException e) {
      w.exec("ROLLBACK TO pl_schema");
      w.exec("RELEASE pl_schema");
      PreparedStatement c =
          w.prepare("INSERT INTO _pl_conflicts(tbl, entity, op, kind, detail) VALUES (?,?,?,?,?)");
      c.setString(1, "");
      c.setString(2, "");
      c.setString(3, op.id().toString());
      c.setString(4, "SCHEMA");
      c.setString(5, e.getMessage());
      c.executeUpdate();
    }
  }

  /**
   * True when the change is already in effect: nodes that each ran the same migration (CREATE TABLE
   * IF NOT EXISTS ...) before syncing, or dropped the same object, agree and need no record.
   */
  private static boolean alreadyHeld(Catalog cat, SchemaChange change) {
    if (change instanceof SchemaChange.CreateTable c) {
      return c.table().equals(cat.table(c.table().name()));
    }
    if (change instanceof SchemaChange.CreateIndex c) {
      return c.index().equals(cat.indexes().get(c.index().name()));
    }
    if (change instanceof SchemaChange.CreateView c) {
      return c.view().equals(cat.views().get(c.view().name()));
    }
    if (change instanceof SchemaChange.AddColumn c) {
      return cat.table(c.table()) != null
          && c.column().equals(cat.table(c.table()).column(c.column().name()));
    }
    if (change instanceof SchemaChange.AddForeignKey c) {
      return cat.table(c.table()) != null
          && cat.table(c.table()).foreignKeys().contains(c.foreignKey());
    }
    if (change instanceof SchemaChange.DropConstraint d) {
      return cat.table(d.table()) == null
          || ForeignKeyChanges.find(cat.table(d.table()), d.constraint()) == null;
    }
    if (change instanceof SchemaChange.DropTable d) {
      return cat.table(d.table()) == null;
    }
    if (change instanceof SchemaChange.DropIndex d) {
      return !cat.indexes().containsKey(d.index());
    }
    if (change instanceof SchemaChange.DropView d) {
      return !cat.views().containsKey(d.view());
    }
    return false;
  }
}
