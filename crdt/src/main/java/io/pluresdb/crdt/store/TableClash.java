package io.pluresdb.crdt.store;

import io.pluresdb.crdt.clock.OpId;
import io.pluresdb.crdt.feed.EntityChange;
import io.pluresdb.crdt.op.OpKind;
import io.pluresdb.crdt.op.Operation;
import io.pluresdb.crdt.op.Transaction;
import io.pluresdb.crdt.schema.Catalog;
import io.pluresdb.crdt.schema.ColumnDef;
import io.pluresdb.crdt.schema.ColumnRenames;
import io.pluresdb.crdt.schema.IndexDef;
import io.pluresdb.crdt.schema.Names;
import io.pluresdb.crdt.schema.SchemaChange;
import io.pluresdb.crdt.schema.TableDef;
import io.pluresdb.crdt.schema.TableMerge;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Applies a remote schema operation that does not fit the table as this node holds it: a second
 * CREATE TABLE of one name, an ADD COLUMN of a column that exists, a CREATE TABLE of a dropped
 * name, a DROP TABLE of a held table (see {@link #clashingTable}). The table's definition is then
 * recomputed by {@link TableMerge} from every schema operation of that name in the log (the
 * incoming one is already there), so it depends only on which operations this node holds, never on
 * their arrival order.
 *
 * <p>When the merged definition differs from the materialized one, the table is rebuilt inside the
 * caller's SQLite transaction: dropped, created anew, and filled by replaying through {@link
 * Materializer} the table's data operations this node had applied before this one (a replay never
 * includes an operation twice, which would count a COUNTER increment twice). The operation's
 * declaration is added to {@link Declarations}, so values written under it are recognised as a
 * loser's (see {@link TypedValues}); every clash is recorded in {@code _pl_conflicts} with kind
 * {@code SCHEMA}.
 *
 * <p>Not thread-safe: used by the writer only.
 */
final class TableClash {
  private final Writer w;
  private final Materializer merge;

  TableClash(Writer w, Materializer merge) {
    this.w = w;
    this.merge = merge;
  }

  /**
   * The table whose merged definition the operation {@code id} needs, or null if it applies as is:
   * a CREATE TABLE of a held or dropped name, an ADD COLUMN of a held column, of a dropped table,
   * or older than the table's creation (it belongs to a dropped table), a DROP TABLE of a held
   * table (a create with a greater id, concurrent or not, wins over it).
   */
  @Nullable String clashingTable(SchemaChange change, OpId id) throws SQLException {
    if (change instanceof SchemaChange.RenameColumn r) {
      // fields written alongside (or before) it must move: always merged from the log
      return w.catalog().table(r.table()) != null || dropped(r.table()) ? r.table() : null;
    }
    if (change instanceof SchemaChange.DropColumn d) {
      return w.catalog().table(d.table()) != null || dropped(d.table()) ? d.table() : null;
    }
    if (change instanceof SchemaChange.CreateTable c) {
      String name = c.table().name();
      return w.catalog().table(name) != null || dropped(name) ? name : null;
    }
    if (change instanceof SchemaChange.AddColumn a && AlteredTables.altered(w, a.table())) {
      // a name renamed away or dropped may be declared again: which fields are whose changes
      return w.catalog().table(a.table()) != null || dropped(a.table()) ? a.table() : null;
    }
    if (change instanceof SchemaChange.AddColumn a) {
      TableDef t = w.catalog().table(a.table());
      if (t == null) {
        // a column of a dropped table: the merge decides whether a newer create holds it
        return dropped(a.table()) ? a.table() : null;
      }
      OpId created = AddedColumns.oldest(w.conn, a.table());
      boolean older = created != null && id.compareTo(created) < 0;
      boolean again = t.columnIndex(a.column().name()) >= 0 || declared(a.table(), a.column());
      return older || again ? a.table() : null;
    }
    if (change instanceof SchemaChange.DropTable d && w.catalog().table(d.table()) != null) {
      // a create newer than the drop may be held already (the table's columns keep their first
      // declarations, not the newest), so every drop is decided by the merge; drops are rare
      return d.table();
    }
    return null;
  }

  /** Recomputes {@code table} from the log and makes the materialized table match. */
  void merge(
      String table,
      SchemaChange change,
      OpId opId,
      List<EntityChange> changes,
      List<SchemaChange> schema)
      throws SQLException {
    List<Transaction> log = LogReader.transactions(w.conn);
    List<TableMerge.Declared> declared = AlteredTables.declared(log, table);
    TableMerge.Result r = TableMerge.merge(table, declared);
    renames(table, declared);
    merge.forgetNames();
    TableDef old = w.catalog().table(table);
    TableDef merged = r.table();
    if (change instanceof SchemaChange.CreateTable c) {
      Declarations.table(w.conn, c.table());
    } else if (change instanceof SchemaChange.AddColumn c) {
      Declarations.column(w.conn, table, c.column());
    } else if (change instanceof SchemaChange.RenameColumn
        || change instanceof SchemaChange.DropColumn) {
      AlteredTables.mark(w.conn, table);
    }
    if (merged == null) {
      if (old != null) {
        SchemaChange drop = new SchemaChange.DropTable(table);
        w.catalog(SchemaOps.apply(w.conn, w.node, w.catalog(), drop, opId));
        schema.add(drop);
      } else {
        update("INSERT OR IGNORE INTO _pl_dropped(tbl) VALUES (?)", table);
      }
      return;
    }
    if (r.dropped() != null) {
      DropHorizon.raise(w.conn, table, r.dropped());
    }
    // a drop that sorts before the table's newest declaration still removes the rows before it
    // so does a rename or drop of a column: the fields written alongside it move or go
    if (merged.equals(old)
        && !(change instanceof SchemaChange.DropTable
            || change instanceof SchemaChange.RenameColumn
            || change instanceof SchemaChange.DropColumn)) {
      update("DELETE FROM _pl_conflicts WHERE tbl=? AND kind='SCHEMA'", table);
      record(table, r);
      firstDeclarations(merged, r);
      return;
    }
    rebuild(merged, r, old != null);
    if (change instanceof SchemaChange.RenameColumn rc && merged.columnIndex(rc.to()) >= 0) {
      // views and triggers follow a column's rename here as on the node that renamed it
      w.catalog(ColumnRenames.apply(w.catalog(), table, rc.column(), rc.to()));
    }
    record(table, r);
    schema.add(new SchemaChange.CreateTable(merged));
    replay(log, table, r.dropped(), opId, changes);
  }

  private void rebuild(TableDef def, TableMerge.Result r, boolean existed) throws SQLException {
    String table = def.name();
    if (existed) {
      // no cached statement may still refer to the table SQLite is asked to drop
      w.closeStatements();
      w.exec("DROP TABLE " + TableSql.quote(table));
    }
    update("DELETE FROM _pl_tomb WHERE tbl=?", table);
    update("DELETE FROM _pl_conflicts WHERE tbl=?", table);
    update("DELETE FROM _pl_dropped WHERE tbl=?", table);
    w.tombTables.remove(table);
    w.hiddenTables.remove(table);
    AddedColumns.forget(w.conn, table);
    w.exec(TableSql.createTable(def));
    firstDeclarations(def, r);
    Catalog cat = w.catalog();
    Map<String, TableDef> tables = Names.copy(cat.tables());
    tables.put(table, def);
    Map<String, IndexDef> indexes = Names.map();
    for (IndexDef ix : cat.indexes().values()) {
      if (!Names.same(ix.table(), table)) {
        indexes.put(ix.name(), ix);
      } else {
        // an index follows its columns' renames, and goes with a dropped one
        List<String> cols = ix.columns().stream().map(r.names()::current).toList();
        if (cols.stream().allMatch(c -> def.columnIndex(c) >= 0)) {
          IndexDef moved =
              new IndexDef(ix.name(), ix.table(), cols, ix.unique(), ix.method(), ix.options());
          indexes.put(ix.name(), moved);
          if ("btree".equalsIgnoreCase(ix.method())) {
            w.exec(TableSql.createIndex(moved));
          }
        }
      }
    }
    for (TableDef other : cat.tables().values()) {
      // foreign keys of other tables follow the referenced columns' renames, as SQLite's do
      TableDef moved = ColumnChanges.withForeignKeys(other, table, r.names()::current, false);
      if (!Names.same(other.name(), table) && !moved.equals(other)) {
        tables.put(other.name(), ForeignKeyChanges.rewrite(w.conn, moved));
      }
    }
    w.catalog(cat.with(cat.version() + 1, tables, indexes, cat.views()));
  }

  /**
   * Replays the table's data operations applied before {@code until} (those of its transaction that
   * precede it included), leaving out those older than the last DROP TABLE.
   */
  private void replay(
      List<Transaction> log,
      String table,
      @Nullable OpId dropped,
      OpId until,
      List<EntityChange> changes)
      throws SQLException {
    for (Transaction tx : log) {
      for (Operation op : tx.ops()) {
        if (op.id().equals(until)) {
          return;
        }
        if (op.kind() != OpKind.SCHEMA
            && Names.same(op.table(), table)
            && (dropped == null || op.id().after(dropped))) {
          try {
            merge.apply(op, changes);
          } catch (Materializer.MissingSchema e) {
            // every column of every declaration is in the merged table; this is a column of a
            // declaration the log lacks, kept in the log as the operation is
            ConflictLog.record(
                w,
                table,
                "",
                op.id().toString(),
                "SCHEMA",
                "operation refers to a missing " + e.getMessage());
          }
        }
      }
    }
  }

  /**
   * Keeps every column's first declaration, so a later ADD COLUMN finds its place among them as the
   * merge would place it (an older declaration may have arrived without changing the definition).
   */
  private void firstDeclarations(TableDef def, TableMerge.Result r) throws SQLException {
    for (ColumnDef c : def.columns()) {
      AddedColumns.record(
          w.conn, def.name(), c.name(), Objects.requireNonNull(r.firstDeclared().get(c.name())));
    }
  }

  private void record(String table, TableMerge.Result r) throws SQLException {
    for (TableMerge.Clash c : r.clashes()) {
      ConflictLog.record(w, table, c.column(), c.loserOp().toString(), "SCHEMA", c.describe(table));
    }
  }

  /** True when a column of that name was declared for the table before (rows may hold values). */
  private boolean declared(String table, ColumnDef column) throws SQLException {
    PreparedStatement ps = w.prepare("SELECT 1 FROM _pl_declared WHERE tbl=? AND col=? LIMIT 1");
    ps.setString(1, table);
    ps.setString(2, column.name());
    try (ResultSet rs = ps.executeQuery()) {
      return rs.next();
    }
  }

  private boolean dropped(String table) throws SQLException {
    PreparedStatement ps = w.prepare("SELECT 1 FROM _pl_dropped WHERE tbl=?");
    ps.setString(1, table);
    try (ResultSet rs = ps.executeQuery()) {
      return rs.next();
    }
  }

  private void update(String sql, String table) throws SQLException {
    PreparedStatement ps = w.prepare(sql);
    ps.setString(1, table);
    ps.executeUpdate();
  }

  /**
   * Every type a renamed column was declared with counts for its new name too (see {@link
   * TypedValues}); in id order, twice, so chains of renames carry them whatever arrived first.
   */
  private void renames(String table, List<TableMerge.Declared> declared) throws SQLException {
    List<TableMerge.Declared> sorted = new ArrayList<>(declared);
    sorted.sort(java.util.Comparator.comparing(TableMerge.Declared::id));
    for (int pass = 0; pass < 2; pass++) {
      for (TableMerge.Declared d : sorted) {
        if (d.change() instanceof SchemaChange.RenameColumn rc) {
          Declarations.rename(w.conn, table, rc.column(), rc.to());
        }
      }
    }
  }
}
