package io.pluresdb.crdt.store;

import io.pluresdb.crdt.schema.ColumnDef;
import io.pluresdb.crdt.schema.ColumnType;
import io.pluresdb.crdt.schema.TableDef;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Every way a table's columns and key were ever declared on any node whose schema operations this
 * node holds ({@code _pl_declared}): a row per column and type, and one per key shape (column
 * {@code ''}, the key column types joined by commas). It only grows with the set of schema
 * operations applied (dropped tables included), so it is the same on every node that holds the same
 * operations. {@link TypedValues} reads it to tell a value written under another declaration (kept)
 * from a value that fits none (malformed), and a field of a dropped or losing column (kept in the
 * log) from one whose declaration has not arrived (pending).
 *
 * <p>Not thread-safe: used by the writer only.
 */
final class Declarations {
  /** The {@code col} of a key shape's row. */
  static final String KEY = "";

  private Declarations() {}

  static void table(Connection conn, TableDef t) throws SQLException {
    List<String> key = new ArrayList<>();
    for (String k : t.primaryKey()) {
      ColumnDef c = t.column(k);
      key.add(c == null ? ColumnType.BLOB.name() : c.type().name());
    }
    if (key.isEmpty()) {
      key.add(ColumnType.BLOB.name()); // the hidden _id
    }
    insert(conn, t.name(), KEY, String.join(",", key));
    for (ColumnDef c : t.columns()) {
      column(conn, t.name(), c);
    }
  }

  static void column(Connection conn, String table, ColumnDef c) throws SQLException {
    insert(conn, table, c.name(), c.type().name());
  }

  /** Column {@code to} was also declared as every type column {@code from} was (a rename). */
  static void rename(Connection conn, String table, String from, String to) throws SQLException {
    try (PreparedStatement ps =
        conn.prepareStatement(
            "INSERT OR IGNORE INTO _pl_declared(tbl, col, type)"
                + " SELECT tbl, ?, type FROM _pl_declared WHERE tbl=? AND col=?")) {
      ps.setString(1, to);
      ps.setString(2, table);
      ps.setString(3, from);
      ps.executeUpdate();
    }
  }

  private static void insert(Connection conn, String table, String col, String type)
      throws SQLException {
    try (PreparedStatement ps =
        conn.prepareStatement(
            "INSERT OR IGNORE INTO _pl_declared(tbl, col, type) VALUES (?,?,?)")) {
      ps.setString(1, table);
      ps.setString(2, col);
      ps.setString(3, type);
      ps.executeUpdate();
    }
  }
}
