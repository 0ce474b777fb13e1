package io.pluresdb.tck.compat;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * What one statement did on one connection: the rows and labels it returned, its update count, or
 * the error it raised. Values are compared as SQLite presents them: integers and reals by numeric
 * value, blobs as hex, everything else as text.
 */
record Outcome(List<String> labels, List<List<String>> rows, int updateCount, SQLException error) {

  static Outcome run(Connection c, String sql) {
    try (Statement s = c.createStatement()) {
      if (!s.execute(sql)) {
        return new Outcome(List.of(), List.of(), s.getUpdateCount(), null);
      }
      try (ResultSet r = s.getResultSet()) {
        ResultSetMetaData m = r.getMetaData();
        List<String> labels = new ArrayList<>();
        for (int i = 1; i <= m.getColumnCount(); i++) {
          labels.add(m.getColumnLabel(i));
        }
        List<List<String>> rows = new ArrayList<>();
        while (r.next()) {
          List<String> row = new ArrayList<>();
          for (int i = 1; i <= labels.size(); i++) {
            Object value = r.getObject(i);
            // a date or time is compared as the text getString gives, which is what SQLite stores
            row.add(
                value instanceof java.util.Date || value instanceof java.time.temporal.Temporal
                    ? r.getString(i)
                    : text(value));
          }
          rows.add(row);
        }
        return new Outcome(labels, rows, -1, null);
      }
    } catch (SQLException e) {
      return new Outcome(List.of(), List.of(), -1, e);
    } catch (RuntimeException | Error e) {
      return new Outcome(
          List.of(), List.of(), -1, new SQLException("escaped the driver: " + e, (String) null, e));
    }
  }

  boolean failed() {
    return error != null;
  }

  /**
   * Why this outcome differs from SQLite's, or null when it is the same. Rows are compared in order
   * when the statement orders them, else as multisets; update counts are not compared (a script's
   * DDL returns 0 on SQLite and may return another count elsewhere).
   */
  String differenceFrom(Outcome sqlite, boolean ordered) {
    if (!labels.equals(sqlite.labels)) {
      return "labels " + labels + ", SQLite " + sqlite.labels;
    }
    List<List<String>> ours = rows;
    List<List<String>> theirs = sqlite.rows;
    if (!ordered) {
      ours = sorted(ours);
      theirs = sorted(theirs);
    }
    if (!ours.equals(theirs)) {
      return "rows " + abbreviate(ours) + ", SQLite " + abbreviate(theirs);
    }
    return null;
  }

  static String describe(SQLException e) {
    return "["
        + e.getSQLState()
        + "] "
        + Objects.toString(e.getMessage(), "").lines().findFirst().orElse("");
  }

  private static List<List<String>> sorted(List<List<String>> rows) {
    List<List<String>> copy = new ArrayList<>(rows);
    copy.sort((a, b) -> String.join("\u0000", a).compareTo(String.join("\u0000", b)));
    return copy;
  }

  private static String abbreviate(List<List<String>> rows) {
    String text = rows.toString();
    return text.length() > 300 ? text.substring(0, 300) + "… (" + rows.size() + " rows)" : text;
  }

  static String text(Object v) {
    if (v == null) {
      return "NULL";
    }
    if (v instanceof byte[] bytes) {
      return "x'" + HexFormat.of().formatHex(bytes).toUpperCase(Locale.ROOT) + "'";
    }
    if (v instanceof Boolean b) {
      return b ? "1" : "0";
    }
    if (v instanceof Float || v instanceof Double) {
      double d = ((Number) v).doubleValue();
      if (Double.isNaN(d) || Double.isInfinite(d)) {
        return Double.toString(d);
      }
      return new BigDecimal(Double.toString(d)).stripTrailingZeros().toPlainString();
    }
    if (v instanceof Number num) {
      return new BigDecimal(num.toString()).stripTrailingZeros().toPlainString();
    }
    return v.toString();
  }
}
