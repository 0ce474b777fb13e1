package io.pluresdb.driver.console;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Runs the statement typed into the console's SQL box on a connection of its own, in auto-commit,
 * and says what it did: the first {@link #MAX_ROWS} rows of a query, or the update count.
 *
 * <p>Stateless; each call uses the connection it is given.
 */
final class SqlBox {
  static final int MAX_ROWS = 1000;

  private SqlBox() {}

  static Map<String, Object> run(Connection c, String sql) throws SQLException {
    Map<String, Object> out = new LinkedHashMap<>();
    try (Statement s = c.createStatement()) {
      s.setMaxRows(MAX_ROWS + 1);
      if (s.execute(sql)) {
        try (ResultSet rs = s.getResultSet()) {
          Json.Rows rows = Json.rows(rs, MAX_ROWS);
          out.put("columns", rows.columns());
          out.put("rows", rows.rows());
          out.put("truncated", rows.more());
        }
      } else {
        out.put("updateCount", s.getUpdateCount());
      }
    }
    return out;
  }
}
