package io.pluresdb.crdt.store;

import io.pluresdb.crdt.clock.OpId;
import io.pluresdb.crdt.error.Errors;
import io.pluresdb.crdt.error.SqlState;
import io.pluresdb.crdt.schema.Catalog;
import io.pluresdb.crdt.schema.ColumnDef;
import io.pluresdb.crdt.schema.Names;
import io.pluresdb.crdt.schema.SchemaChange;
import io.pluresdb.crdt.schema.TableDef;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code ALTER TABLE t ALTER COLUMN c …}: a column's NOT NULL, DEFAULT or type changes in place.
 * None of them changes what is on disk, so the table's stored CREATE TABLE text is rewritten
 * ({@link ForeignKeyChanges#rewrite}, SQLite's documented procedure) instead of copying the table;
 * SET NOT NULL first checks that no row holds NULL, as SQLite only checks rows as they are written.
 * Which operation last altered each column ({@code _pl_col_alter}) makes the greatest id hold
 * whatever order concurrent alters arrive in.
 *
 * <p>Runs on the writer's connection inside its transaction; stateless.
 */
final class ColumnAlters {
  static final String DDL =
      "CREATE TABLE IF NOT EXISTS _pl_col_alter (tbl TEXT COLLATE NOCASE NOT NULL, col TEXT COLLATE NOCASE NOT NULL,"
          + " op BLOB NOT NULL, PRIMARY KEY (tbl, col))";

  private ColumnAlters() {}

  static Catalog apply(Connection conn, Catalog cat, SchemaChange.AlterColumn a, OpId id)
      throws SQLException {
    boolean local = ForeignKeyChanges.enforcing(conn); // a peer's operations run with them off
    TableDef t = cat.table(a.table());
    ColumnDef old = t == null ? null : t.column(a.column().name());
    if (old == null || newerAlter(conn, a, id)) {
      if (local) {
        SchemaOps.requireTable(cat, a.table());
        throw Errors.of(
            SqlState.UNDEFINED_COLUMN,
            "column '" + a.column().name() + "' of table '" + a.table() + "' does not exist");
      }
      // a peer's alter of a column dropped or renamed here since, or overtaken by a newer alter
      return cat.with(cat.version() + 1, cat.tables(), cat.indexes(), cat.views());
    }
    ColumnDef next = a.column();
    String what = "column '" + old.name() + "' of table '" + t.name() + "'";
    if (t.primaryKey().contains(old.name())
        && (next.nullable()
            || next.type() != old.type()
            || next.autoIncrement() != old.autoIncrement())) {
      throw Errors.of(
          SqlState.INVALID_TABLE_DEFINITION,
          "cannot change the type or NOT NULL of primary key " + what);
    }
    if (local && !next.nullable() && old.nullable()) {
      requireNoNulls(conn, t, old, what);
    }
    List<ColumnDef> cols = new ArrayList<>(t.columns());
    cols.set(t.columnIndex(old.name()), next);
    TableDef altered =
        new TableDef(t.name(), cols, t.primaryKey(), t.uniqueKeys(), t.checks(), t.foreignKeys());
    ForeignKeyChanges.rewrite(conn, altered);
    Declarations.column(conn, t.name(), next);
    record(conn, a, id);
    Map<String, TableDef> tables = Names.copy(cat.tables());
    tables.put(t.name(), altered);
    return cat.with(cat.version() + 1, tables, cat.indexes(), cat.views());
  }

  private static void requireNoNulls(Connection conn, TableDef t, ColumnDef c, String what)
      throws SQLException {
    try (Statement s = conn.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT 1 FROM "
                    + TableSql.quote(t.name())
                    + " WHERE "
                    + TableSql.quote(c.name())
                    + " IS NULL LIMIT 1")) {
      if (rs.next()) {
        throw Errors.of(
            SqlState.NOT_NULL_VIOLATION,
            what + " holds NULL in some rows, so it cannot be NOT NULL");
      }
    }
  }

  private static boolean newerAlter(Connection conn, SchemaChange.AlterColumn a, OpId id)
      throws SQLException {
    try (PreparedStatement ps =
        conn.prepareStatement("SELECT 1 FROM _pl_col_alter WHERE tbl=? AND col=? AND op>?")) {
      ps.setString(1, a.table());
      ps.setString(2, a.column().name());
      ps.setBytes(3, id.toBytes());
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next();
      }
    }
  }

  private static void record(Connection conn, SchemaChange.AlterColumn a, OpId id)
      throws SQLException {
    try (PreparedStatement ps =
        conn.prepareStatement(
            "INSERT OR REPLACE INTO _pl_col_alter(tbl, col, op) VALUES (?,?,?)")) {
      ps.setString(1, a.table());
      ps.setString(2, a.column().name());
      ps.setBytes(3, id.toBytes());
      ps.executeUpdate();
    }
  }
}
