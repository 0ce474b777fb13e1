package io.pluresdb.tck.differential;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.StringJoiner;

/**
 * A query's rows rendered for comparison: numbers by value (SQLite's {@code 2.0} and {@code 2}
 * alike, reals to 12 significant digits), blobs as hex, text as it is, NULL as {@code NULL}.
 */
final class Rows {
  private Rows() {}

  static List<String> of(Connection c, String sql) throws SQLException {
    List<String> rows = new ArrayList<>();
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      int n = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        StringJoiner row = new StringJoiner(" | ");
        for (int i = 1; i <= n; i++) {
          row.add(render(rs.getObject(i)));
        }
        rows.add(row.toString());
      }
    }
    return rows;
  }

  /**
   * Whether two answers differ only in reals, each pair within single precision (a relative 1e-6):
   * the mark of a {@code REAL} column or result kept as a 4-byte float, where SQLite keeps 8 bytes.
   */
  static boolean differOnlyInFloatPrecision(List<String> expected, List<String> actual) {
    if (expected.size() != actual.size()) {
      return false;
    }
    for (int r = 0; r < expected.size(); r++) {
      String[] e = expected.get(r).split(" \\| ", -1);
      String[] a = actual.get(r).split(" \\| ", -1);
      if (e.length != a.length) {
        return false;
      }
      for (int i = 0; i < e.length; i++) {
        if (!e[i].equals(a[i]) && !withinFloat(e[i], a[i])) {
          return false;
        }
      }
    }
    return true;
  }

  private static boolean withinFloat(String e, String a) {
    try {
      double x = Double.parseDouble(e);
      double y = Double.parseDouble(a);
      return Math.abs(x - y) <= 1e-6 * Math.max(1e-3, Math.abs(x));
    } catch (NumberFormatException notANumber) {
      return false;
    }
  }

  static String render(Object v) {
    if (v == null) {
      return "NULL";
    }
    if (v instanceof Boolean b) {
      // A comparison's value: SQLite answers 1 or 0, this driver a BOOLEAN column.
      return b ? "1" : "0";
    }
    if (v instanceof byte[] bytes) {
      return "X'" + HexFormat.of().formatHex(bytes) + "'";
    }
    if (v instanceof Number number) {
      double d = number.doubleValue();
      if (d == Math.rint(d) && Math.abs(d) < 1e15) {
        return Long.toString((long) d);
      }
      return String.format(Locale.ROOT, "%.12g", d);
    }
    return "'" + v + "'";
  }
}
