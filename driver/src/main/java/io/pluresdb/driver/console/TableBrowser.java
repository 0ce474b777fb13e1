package io.pluresdb.driver.console;

import io.pluresdb.crdt.error.Errors;
import io.pluresdb.crdt.error.SqlState;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The table browser: the node's tables as the driver's metadata lists them, and a page of one
 * table's rows. A table is looked up in that list, never pasted into SQL as given.
 *
 * <p>Stateless; each call uses the connection it is given.
 */
final class TableBrowser {
  static final int MAX_PAGE = 500;

  private TableBrowser() {}

  static List<String> tables(Connection c) throws SQLException {
    List<String> names = new ArrayList<>();
    try (ResultSet rs = c.getMetaData().getTables(null, null, "%", new String[] {"TABLE"})) {
      while (rs.next()) {
        names.add(rs.getString("TABLE_NAME"));
      }
    }
    return names;
  }

  /** Up to {@code limit} rows of {@code table} from {@code offset} on; 42P01 for no such table. */
  static Map<String, Object> page(Connection c, String table, long offset, int limit)
      throws SQLException {
    if (!tables(c).contains(table)) {
      throw Errors.of(SqlState.UNDEFINED_TABLE, "no table '" + table + "' to browse");
    }
    int n = Math.max(1, Math.min(limit, MAX_PAGE));
    long from = Math.max(0, offset);
    String quoted = "\"" + table.replace("\"", "\"\"") + "\"";
    Map<String, Object> out = new LinkedHashMap<>();
    try (Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery("SELECT * FROM " + quoted + " LIMIT " + (n + 1) + " OFFSET " + from)) {
      Json.Rows rows = Json.rows(rs, n);
      out.put("table", table);
      out.put("offset", from);
      out.put("limit", n);
      out.put("columns", rows.columns());
      out.put("rows", rows.rows());
      out.put("more", rows.more());
    }
    return out;
  }
}
