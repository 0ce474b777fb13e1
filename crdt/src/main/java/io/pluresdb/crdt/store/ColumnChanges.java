package io.pluresdb.crdt.store;

import io.pluresdb.crdt.clock.OpId;
import io.pluresdb.crdt.error.Errors;
import io.pluresdb.crdt.error.SqlState;
import io.pluresdb.crdt.schema.Catalog;
import io.pluresdb.crdt.schema.ColumnDef;
import io.pluresdb.crdt.schema.ColumnRenames;
import io.pluresdb.crdt.schema.ForeignKeyDef;
import io.pluresdb.crdt.schema.IndexDef;
import io.pluresdb.crdt.schema.Names;
import io.pluresdb.crdt.schema.SchemaChange;
import io.pluresdb.crdt.schema.TableDef;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * RENAME COLUMN and DROP COLUMN on the table as this node holds it, by SQLite's own {@code ALTER
 * TABLE} (which rewrites the table's indexes and the foreign keys that refer to the column), with
 * the catalog following: the table's key, UNIQUE and foreign-key column lists, its indexes, other
 * tables' foreign keys to it. DROP COLUMN is refused, as SQLite refuses it, for a column of the
 * primary key, of a UNIQUE constraint, of an index or of a foreign key. Remote ones are merged by
 * {@link TableClash} instead, so arrival order cannot matter.
 *
 * <p>Runs on the writer's connection inside its transaction; stateless.
 */
final class ColumnChanges {
  private ColumnChanges() {}

  static Catalog apply(Connection conn, long node, Catalog cat, SchemaChange change, OpId id)
      throws SQLException {
    if (change instanceof SchemaChange.RenameColumn r) {
      return rename(conn, cat, r);
    }
    SchemaChange.DropColumn d = (SchemaChange.DropColumn) change;
    return drop(conn, node, cat, d);
  }

  private static Catalog rename(Connection conn, Catalog cat, SchemaChange.RenameColumn r)
      throws SQLException {
    TableDef t = SchemaOps.requireTable(cat, r.table());
    ColumnDef c = column(t, r.column());
    if (t.columnIndex(r.to()) >= 0) {
      throw Errors.of(
          SqlState.DUPLICATE_COLUMN,
          "column '" + r.to() + "' of table '" + t.name() + "' already exists");
    }
    if (Names.same(r.to(), TableSql.CLOCK) || Names.same(r.to(), TableDef.HIDDEN_ID)) {
      throw Errors.of(
          SqlState.INVALID_COLUMN_DEFINITION,
          "column name '" + r.to() + "' of table '" + t.name() + "' is reserved");
    }
    SchemaOps.ddl(
        conn,
        "ALTER TABLE "
            + TableSql.quote(t.name())
            + " RENAME COLUMN "
            + TableSql.quote(c.name())
            + " TO "
            + TableSql.quote(r.to()));
    UnaryOperator<String> n = x -> Names.same(x, r.column()) ? r.to() : x;
    List<ColumnDef> cols = new ArrayList<>();
    for (ColumnDef x : t.columns()) {
      cols.add(x != c ? x : x.withName(r.to()));
    }
    List<List<String>> uniques = new ArrayList<>();
    t.uniqueKeys().forEach(u -> uniques.add(map(u, n)));
    Map<String, TableDef> tables = Names.copy(cat.tables());
    for (TableDef other : cat.tables().values()) {
      tables.put(other.name(), withForeignKeys(other, t.name(), n, other == t));
    }
    TableDef renamed = tables.get(t.name());
    tables.put(
        t.name(),
        new TableDef(
            t.name(),
            cols,
            map(t.primaryKey(), n),
            uniques,
            t.checks(),
            renamed == null ? t.foreignKeys() : renamed.foreignKeys()));
    Map<String, IndexDef> indexes = Names.map();
    for (IndexDef ix : cat.indexes().values()) {
      indexes.put(
          ix.name(),
          !Names.same(ix.table(), t.name())
              ? ix
              : new IndexDef(
                  ix.name(),
                  ix.table(),
                  map(ix.columns(), n),
                  ix.unique(),
                  ix.method(),
                  ix.options()));
    }
    AddedColumns.rename(conn, t.name(), r.column(), r.to());
    Declarations.rename(conn, t.name(), r.column(), r.to());
    AlteredTables.mark(conn, t.name());
    // the views and triggers that name the column follow it, as in SQLite
    return ColumnRenames.apply(
        cat.with(cat.version() + 1, tables, indexes, cat.views()), t.name(), c.name(), r.to());
  }

  private static Catalog drop(Connection conn, long node, Catalog cat, SchemaChange.DropColumn d)
      throws SQLException {
    TableDef t = SchemaOps.requireTable(cat, d.table());
    ColumnDef c = column(t, d.column());
    String what = "column '" + c.name() + "' of table '" + t.name() + "'";
    if (t.primaryKey().contains(c.name())) {
      throw Errors.of(SqlState.DEPENDENT_OBJECTS_STILL_EXIST, "cannot drop PRIMARY KEY " + what);
    }
    if (t.uniqueKeys().stream().anyMatch(u -> u.contains(c.name()))) {
      throw Errors.of(SqlState.DEPENDENT_OBJECTS_STILL_EXIST, "cannot drop UNIQUE " + what);
    }
    for (IndexDef ix : cat.indexesOf(t.name())) {
      if (ix.columns().contains(c.name())) {
        throw Errors.of(
            SqlState.DEPENDENT_OBJECTS_STILL_EXIST,
            "cannot drop " + what + ": index '" + ix.name() + "' uses it");
      }
    }
    for (TableDef other : cat.tables().values()) {
      for (ForeignKeyDef fk : other.foreignKeys()) {
        if (other == t && fk.columns().contains(c.name())
            || Names.same(fk.refTable(), t.name()) && fk.refColumns().contains(c.name())) {
          throw Errors.of(
              SqlState.DEPENDENT_OBJECTS_STILL_EXIST,
              "cannot drop " + what + ": a foreign key of table '" + other.name() + "' uses it");
        }
      }
    }
    if (t.columns().size() == 1) {
      throw Errors.of(
          SqlState.DEPENDENT_OBJECTS_STILL_EXIST,
          "cannot drop " + what + ": it is the table's only column");
    }
    SchemaOps.ddl(
        conn,
        "ALTER TABLE " + TableSql.quote(t.name()) + " DROP COLUMN " + TableSql.quote(c.name()));
    int pos = t.columnIndex(c.name());
    AddedColumns.removeClock(conn, node, t.name(), t.columns().size(), pos);
    AddedColumns.forget(conn, t.name(), c.name());
    AlteredTables.mark(conn, t.name());
    List<ColumnDef> cols = new ArrayList<>(t.columns());
    cols.remove(pos);
    Map<String, TableDef> tables = Names.copy(cat.tables());
    tables.put(
        t.name(),
        new TableDef(t.name(), cols, t.primaryKey(), t.uniqueKeys(), t.checks(), t.foreignKeys()));
    return cat.with(cat.version() + 1, tables, cat.indexes(), cat.views());
  }

  /** {@code t} with the foreign keys that refer to table {@code ref}'s columns renamed by n. */
  static TableDef withForeignKeys(TableDef t, String ref, UnaryOperator<String> n, boolean own) {
    List<ForeignKeyDef> fks = new ArrayList<>();
    for (ForeignKeyDef fk : t.foreignKeys()) {
      fks.add(
          fk.withColumns(
              own ? map(fk.columns(), n) : fk.columns(),
              Names.same(fk.refTable(), ref) ? map(fk.refColumns(), n) : fk.refColumns()));
    }
    return new TableDef(t.name(), t.columns(), t.primaryKey(), t.uniqueKeys(), t.checks(), fks);
  }

  private static ColumnDef column(TableDef t, String name) throws SQLException {
    ColumnDef c = t.column(name);
    if (c == null) {
      throw Errors.of(
          SqlState.UNDEFINED_COLUMN,
          "column '" + name + "' of table '" + t.name() + "' does not exist");
    }
    return c;
  }

  private static List<String> map(List<String> names, UnaryOperator<String> n) {
    return names.stream().map(n).toList();
  }
}
