package io.pluresdb.crdt.store;

import io.pluresdb.crdt.feed.EntityChange;
import io.pluresdb.crdt.op.OpKind;
import io.pluresdb.crdt.op.Operation;
import io.pluresdb.crdt.op.Transaction;
import io.pluresdb.crdt.schema.Catalog;
import io.pluresdb.crdt.schema.ColumnDef;
import io.pluresdb.crdt.schema.PolicyDef;
import io.pluresdb.crdt.schema.SchemaChange;
import io.pluresdb.crdt.schema.TableMerge;
import java.sql.SQLException;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Applies every operation of a transaction through the merge path, inside the caller's SQLite
 * transaction: data operations via {@link Materializer}, schema operations via {@link SchemaOps}. A
 * schema change already in effect is skipped. One that clashes with the table as held here (a
 * second CREATE TABLE of one name, an ADD COLUMN of an existing column, a CREATE TABLE of a dropped
 * name) is merged by {@link TableClash}, so the table ends as every node holding the same
 * operations has it. Any other that no longer fits (an index on a dropped table) is skipped and
 * recorded in {@code _pl_conflicts}. A value that fits its column in no way ({@link BadValue})
 * fails the whole call. Used for remote transactions and for rebuilds.
 *
 * <p>Not thread-safe: used by the writer only.
 */
final class TxApplier {
  private final Writer w;
  private final Materializer merge;
  private final TableClash clashes;

  TxApplier(Writer w) {
    this.w = w;
    this.merge = new Materializer(w);
    this.clashes = new TableClash(w, merge);
  }

  void apply(Transaction tx, List<EntityChange> changes, List<SchemaChange> schema)
      throws SQLException, Materializer.MissingSchema {
    merge.forgetHorizons();
    try {
      for (Operation op : tx.ops()) {
        if (op.kind() == OpKind.SCHEMA) {
          applySchema(op, changes, schema);
        } else {
          merge.apply(op, changes);
        }
      }
    } catch (BadValue e) {
      throw e.in(tx.id());
    }
  }

  private void applySchema(Operation op, List<EntityChange> changes, List<SchemaChange> schema)
      throws SQLException, Materializer.MissingSchema {
    if (alreadyHeld(w.catalog(), op.schema())
        && !earlierDeclaration(op)
        && !alteredCreate(op.schema())) {
      if (op.schema() instanceof SchemaChange.DropTable d) {
        // a create of that name arriving later (older or concurrent) must know it was dropped
        w.exec(
            "INSERT OR IGNORE INTO _pl_dropped(tbl) VALUES ('"
                + d.table().replace("'", "''")
                + "')");
        DropHorizon.raise(w.conn, d.table(), op.id());
        merge.forgetHorizons();
      }
      return;
    }
    String clash = clashes.clashingTable(op.schema(), op.id());
    String of = columnOf(op.schema());
    if (clash == null && of != null && w.catalog().table(of) == null) {
      // the table's CREATE comes from another node and has not arrived: wait for it, as data does
      throw new Materializer.MissingSchema("table " + of);
    }
    Catalog before = w.catalog();
    w.exec("SAVEPOINT pl_schema");
    try {
      if (clash != null) {
        clashes.merge(clash, op.schema(), op.id(), changes, schema);
      } else {
        w.catalog(SchemaOps.apply(w.conn, w.node, w.catalog(), op.schema(), op.id()));
        schema.add(op.schema());
      }
      w.exec("RELEASE pl_schema");
      merge.forgetHorizons();
      merge.forgetNames();
    } catch (BadValue e) {
      throw e;
    } catch (SQLException e) {
      w.exec("ROLLBACK TO pl_schema");
      w.exec("RELEASE pl_schema");
      w.catalog(before);
      ConflictLog.record(w, "", "", op.id().toString(), "SCHEMA", String.valueOf(e.getMessage()));
    }
  }

  /** A create of a table whose columns were renamed or dropped: the merge decides its fields. */
  private boolean alteredCreate(SchemaChange change) throws SQLException {
    return change instanceof SchemaChange.CreateTable c
        && AlteredTables.altered(w, c.table().name());
  }

  /** The table of a column change (ADD, RENAME, DROP COLUMN), or null. */
  private static @Nullable String columnOf(SchemaChange change) {
    if (change instanceof SchemaChange.AddColumn a) {
      return a.table();
    }
    if (change instanceof SchemaChange.RenameColumn r) {
      return r.table();
    }
    if (change instanceof SchemaChange.RenameTable r) {
      return r.table();
    }
    return change instanceof SchemaChange.DropColumn d ? d.table() : null;
  }

  /**
   * True when an identical declaration arrives with an id older than a column's first declaration
   * held: it moves that column's place (see {@link TableMerge}), so the merge must decide.
   */
  private boolean earlierDeclaration(Operation op) throws SQLException {
    if (op.schema() instanceof SchemaChange.CreateTable c) {
      for (ColumnDef col : c.table().columns()) {
        if (AddedColumns.firstAfter(w.conn, c.table().name(), col.name(), op.id())) {
          return true;
        }
      }
    } else if (op.schema() instanceof SchemaChange.AddColumn a) {
      return AddedColumns.firstAfter(w.conn, a.table(), a.column().name(), op.id());
    }
    return false;
  }

  /**
   * True when the change is already in effect: nodes that each ran the same migration (CREATE TABLE
   * IF NOT EXISTS ...) before syncing, or dropped the same object, agree and need no record.
   */
  private static boolean alreadyHeld(Catalog cat, SchemaChange change) {
    if (change instanceof SchemaChange.SetPragma p) {
      // nodes that ran the same migration set the same version
      return cat.settings().containsKey(p.pragma()) && cat.setting(p.pragma()) == p.value();
    }
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
    if (change instanceof SchemaChange.RenameTable r) {
      // nodes that ran the same migration: the first rename applied already moved the table
      return cat.table(r.table()) == null && cat.table(r.to()) != null;
    }
    if (change instanceof SchemaChange.CreateTrigger c) {
      return c.trigger().equals(cat.triggers().get(c.trigger().name()));
    }
    if (change instanceof SchemaChange.DropTrigger d) {
      return !cat.triggers().containsKey(d.trigger());
    }
    if (change instanceof SchemaChange.CreatePolicy c) {
      return c.policy().equals(cat.policies().get(c.policy().key()));
    }
    if (change instanceof SchemaChange.DropPolicy d) {
      return !cat.policies().containsKey(PolicyDef.key(d.table(), d.policy()));
    }
    return false;
  }
}
