package io.pluresdb.engine.session;

import io.pluresdb.crdt.schema.Catalog;
import io.pluresdb.crdt.schema.ColumnDef;
import io.pluresdb.crdt.schema.SqlTokens;
import io.pluresdb.crdt.schema.ViewDef;
import io.pluresdb.engine.api.Cursor;
import io.pluresdb.engine.api.ListCursor;
import io.pluresdb.sql.catalog.LocalTables;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Lets a replicated statement read the session's TEMP tables (see {@link LocalTables}): it plans
 * the statement with a view of each TEMP table it names, and while the statement runs on the
 * store's writer connection, holds a copy of each such table in that connection's TEMP schema, made
 * inside the write transaction and dropped before the statement ends, so no other session ever sees
 * it. The copy keeps the columns' declared types, so SQLite compares and converts values as it
 * would reading the TEMP table itself.
 *
 * <p>Not thread-safe: used by its session's one caller at a time.
 */
final class TempCopies {
  /** Rows inserted into a copy per batch. */
  private static final int BATCH = 512;

  /** Work that runs while the copies exist. */
  @FunctionalInterface
  interface Work<T> {
    T run() throws SQLException;
  }

  private final ReadExecutor reads;

  TempCopies(ReadExecutor reads) {
    this.reads = reads;
  }

  /**
   * {@code catalog} with a view of each TEMP table (of {@code tables}, lower case) that {@code sql}
   * names, or {@code catalog} itself when it names none.
   */
  Catalog locals(Catalog catalog, String sql, Set<String> tables) throws SQLException {
    if (tables.isEmpty()) {
      return catalog;
    }
    Set<String> named = new LinkedHashSet<>();
    for (SqlTokens.Token t : SqlTokens.of(sql)) {
      if (t.kind() == SqlTokens.Kind.WORD || t.kind() == SqlTokens.Kind.QUOTED) {
        String name = t.kind() == SqlTokens.Kind.QUOTED && t.text().length() < 2 ? "" : t.name();
        if (tables.contains(name.toLowerCase(Locale.ROOT))) {
          named.add(name.toLowerCase(Locale.ROOT));
        }
      }
    }
    List<ViewDef> views = new ArrayList<>();
    for (String name : named) {
      views.add(LocalTables.view(name, columns(name)));
    }
    return LocalTables.with(catalog, views);
  }

  /** True when {@code sql} spells the name of a table of {@code catalog}. */
  static boolean namesTable(String sql, Catalog catalog) {
    for (SqlTokens.Token t : SqlTokens.of(sql)) {
      if ((t.kind() == SqlTokens.Kind.WORD
              || t.kind() == SqlTokens.Kind.QUOTED && t.text().length() >= 2)
          && catalog.table(t.name()) != null) {
        return true;
      }
    }
    return false;
  }

  /** Runs {@code work} while {@code conn} holds a copy of each of the TEMP {@code tables}. */
  <T> T around(Connection conn, List<String> tables, Work<T> work) throws SQLException {
    if (tables.isEmpty()) {
      return work.run();
    }
    List<String> made = new ArrayList<>();
    try {
      for (String table : tables) {
        made.add(copy(conn, table));
      }
      return work.run();
    } finally {
      drop(conn, made);
    }
  }

  /**
   * The rows of a query run on {@code conn} while it holds the copies, read whole before they go:
   * once they are gone the writer may run the store's own statements.
   */
  Cursor readAll(Connection conn, List<String> tables, Work<Cursor> query) throws SQLException {
    return around(
        conn,
        tables,
        () -> {
          try (Cursor c = query.run()) {
            int n = c.columns().size();
            List<Object[]> rows = new ArrayList<>();
            while (c.next()) {
              Object[] row = new Object[n];
              for (int i = 0; i < n; i++) {
                row[i] = c.get(i + 1);
              }
              rows.add(row);
            }
            return new ListCursor(c.columns(), rows);
          }
        });
  }

  /** The TEMP table's columns with their declared types, in order. */
  private List<ColumnDef> columns(String table) throws SQLException {
    List<ColumnDef> out = new ArrayList<>();
    for (String[] c : declared(table)) {
      out.add(ColumnDef.of(c[0], TempColumns.declaredType(c[1])));
    }
    return out;
  }

  /** Each column's name and declared type (empty for none). */
  private List<String[]> declared(String table) throws SQLException {
    List<String[]> out = new ArrayList<>();
    try (Statement s = reads.reader().createStatement();
        ResultSet rs = s.executeQuery("PRAGMA temp.table_info(" + LocalTables.quote(table) + ")")) {
      while (rs.next()) {
        String type = rs.getString("type");
        out.add(new String[] {rs.getString("name"), type == null ? "" : type});
      }
    }
    return out;
  }

  /** Makes the copy of one TEMP table on {@code conn}; returns its name. */
  private String copy(Connection conn, String table) throws SQLException {
    List<String[]> columns = declared(table);
    String copy = LocalTables.quote(LocalTables.copyName(table));
    StringBuilder ddl = new StringBuilder("CREATE TEMP TABLE ").append(copy).append(" (");
    StringBuilder marks = new StringBuilder();
    for (int i = 0; i < columns.size(); i++) {
      String sep = i == 0 ? "" : ", ";
      ddl.append(sep).append(LocalTables.quote(columns.get(i)[0])).append(' ');
      ddl.append(columns.get(i)[1]);
      marks.append(sep).append('?');
    }
    ddl.append(')');
    try (Statement s = conn.createStatement()) {
      s.execute("DROP TABLE IF EXISTS temp." + copy);
      s.execute(ddl.toString());
    }
    int n = columns.size();
    try (Statement read = reads.reader().createStatement();
        ResultSet rs = read.executeQuery("SELECT * FROM temp." + LocalTables.quote(table));
        PreparedStatement insert =
            conn.prepareStatement("INSERT INTO temp." + copy + " VALUES (" + marks + ")")) {
      int pending = 0;
      while (rs.next()) {
        for (int i = 1; i <= n; i++) {
          insert.setObject(i, rs.getObject(i));
        }
        insert.addBatch();
        if (++pending == BATCH) {
          insert.executeBatch();
          pending = 0;
        }
      }
      if (pending > 0) {
        insert.executeBatch();
      }
    }
    return copy;
  }

  private static void drop(Connection conn, List<String> copies) throws SQLException {
    if (copies.isEmpty()) {
      return;
    }
    try (Statement s = conn.createStatement()) {
      for (String copy : copies) {
        // IF EXISTS: a failed statement's rollback to its mark may have undone the copy already
        s.execute("DROP TABLE IF EXISTS temp." + copy);
      }
    }
  }
}
