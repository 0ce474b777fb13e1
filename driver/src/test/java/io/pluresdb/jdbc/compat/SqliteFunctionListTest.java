package io.pluresdb.jdbc.compat;

import static io.pluresdb.jdbc.compat.SqliteFunctionExamples.EXAMPLES;
import static io.pluresdb.jdbc.compat.SqliteFunctionExamples.EXCLUDED;
import static io.pluresdb.jdbc.compat.SqliteFunctionExamples.NON_DETERMINISTIC;
import static io.pluresdb.jdbc.compat.SqliteFunctionExamples.WAITS_FOR_SYNTAX;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every function of the bundled SQLite's {@code pragma function_list} works through the driver with
 * SQLite's answer: each example runs through the driver and through raw sqlite-jdbc on the same
 * rows, and their values and SQLite storage classes must agree. A function without an example and
 * without a stated reason fails, so a SQLite upgrade that adds one fails the build.
 */
class SqliteFunctionListTest {
  private static final AtomicInteger NAMES = new AtomicInteger();

  /**
   * Examples whose result class the driver gives by the validator's type, not per value: the values
   * agree, the class differs.
   */
  private static final Map<String, String> TYPED_BY_VALIDATOR =
      Map.of(
          "coalesce/-4",
          "the standard COALESCE of a DOUBLE and a BIGINT is a DOUBLE",
          "mod/2",
          "the standard MOD of integers is an integer, as SQLite's % computes it",
          "current_date/0",
          "the standard CURRENT_DATE is a DATE",
          "current_time/0",
          "the standard CURRENT_TIME is a TIME",
          "current_timestamp/0",
          "the standard CURRENT_TIMESTAMP is a TIMESTAMP");

  private Connection driver;
  private Connection raw;

  @BeforeEach
  void open() throws SQLException {
    driver = DriverManager.getConnection("jdbc:pluresdb:mem:functions" + NAMES.incrementAndGet());
    raw = DriverManager.getConnection("jdbc:sqlite::memory:");
    for (Connection c : List.of(driver, raw)) {
      try (Statement s = c.createStatement()) {
        for (String sql : SqliteFunctionExamples.SETUP) {
          s.execute(sql);
        }
      }
    }
  }

  @AfterEach
  void close() throws SQLException {
    driver.close();
    raw.close();
  }

  @Test
  void everyFunctionOfTheBundledSqliteHasAnExampleOrAReason() throws SQLException {
    List<String> missing = new ArrayList<>();
    for (String key : functionList()) {
      String name = key.substring(0, key.lastIndexOf('/'));
      if (!EXAMPLES.containsKey(key)
          && !EXCLUDED.containsKey(name)
          && !WAITS_FOR_SYNTAX.containsKey(key)) {
        missing.add(key);
      }
    }
    assertThat(missing).as("functions without an example or a reason").isEmpty();
  }

  @Test
  void everyExampleGivesSqlitesResultThroughTheDriver() throws SQLException {
    List<String> failures = new ArrayList<>();
    for (Map.Entry<String, String> e : new java.util.TreeMap<>(EXAMPLES).entrySet()) {
      String key = e.getKey();
      List<List<Object>> expected;
      List<List<Object>> actual;
      try {
        expected = rows(raw, e.getValue());
      } catch (SQLException ex) {
        failures.add(key + ": the example fails on raw SQLite: " + ex.getMessage());
        continue;
      }
      try {
        actual = rows(driver, e.getValue());
      } catch (SQLException ex) {
        failures.add(key + ": " + ex.getSQLState() + " " + ex.getMessage());
        continue;
      }
      String diff = compare(key, expected, actual);
      if (diff != null) {
        failures.add(
            key
                + ": "
                + e.getValue()
                + "\n    sqlite: "
                + expected
                + "\n    driver: "
                + actual
                + "\n    "
                + diff);
      }
    }
    if (!failures.isEmpty()) {
      fail(failures.size() + " examples differ:\n" + String.join("\n", failures));
    }
  }

  @Test
  void loadExtensionIsRefusedAsInsufficientPrivilege() {
    assertThatThrownBy(() -> rows(driver, "SELECT load_extension('libevil')"))
        .isInstanceOf(SQLException.class)
        .hasMessageContaining("load_extension")
        .extracting(ex -> ((SQLException) ex).getSQLState())
        .isEqualTo("42501");
  }

  @Test
  void exclusionsAndSyntaxWaitsNameFunctionsThatExist() throws SQLException {
    TreeSet<String> list = functionList();
    TreeSet<String> names = new TreeSet<>();
    list.forEach(k -> names.add(k.substring(0, k.lastIndexOf('/'))));
    assertThat(names).containsAll(EXCLUDED.keySet());
    assertThat(list).containsAll(WAITS_FOR_SYNTAX.keySet());
  }

  private TreeSet<String> functionList() throws SQLException {
    TreeSet<String> keys = new TreeSet<>();
    try (Statement s = raw.createStatement();
        ResultSet rs = s.executeQuery("SELECT name, narg FROM pragma_function_list")) {
      while (rs.next()) {
        keys.add(rs.getString(1) + "/" + rs.getInt(2));
      }
    }
    return keys;
  }

  private static String compare(
      String key, List<List<Object>> expected, List<List<Object>> actual) {
    if (expected.size() != actual.size()) {
      return "row counts differ";
    }
    for (int r = 0; r < expected.size(); r++) {
      for (int c = 0; c < expected.get(r).size(); c++) {
        Object want = expected.get(r).get(c);
        Object got = actual.get(r).get(c);
        if (!storageClass(want).equals(storageClass(got)) && !TYPED_BY_VALIDATOR.containsKey(key)) {
          return "row "
              + r
              + " column "
              + c
              + ": "
              + storageClass(want)
              + " vs "
              + storageClass(got);
        }
        if (NON_DETERMINISTIC.contains(key)) {
          if (want instanceof byte[] && size(want) != size(got)) {
            return "row " + r + " column " + c + ": sizes differ";
          }
        } else if (!sameValue(want, got)) {
          return "row " + r + " column " + c + ": values differ";
        }
      }
    }
    return null;
  }

  private static String storageClass(Object v) {
    if (v == null) {
      return "null";
    }
    if (v instanceof Integer || v instanceof Long) {
      return "integer";
    }
    if (v instanceof Number) {
      return "real";
    }
    return v instanceof byte[] ? "blob" : "text";
  }

  private static int size(Object v) {
    return v instanceof byte[] b ? b.length : v instanceof String s ? s.length() : 0;
  }

  private static boolean sameValue(Object want, Object got) {
    if (want instanceof Number a && got instanceof Number b) {
      return Double.compare(a.doubleValue(), b.doubleValue()) == 0;
    }
    return String.valueOf(text(want)).equals(String.valueOf(text(got)));
  }

  private static Object text(Object v) {
    return v instanceof byte[] b ? "x'" + HexFormat.of().formatHex(b) + "'" : v;
  }

  /** The rows, each value as getObject gives it, temporal values as their text. */
  private static List<List<Object>> rows(Connection c, String sql) throws SQLException {
    List<List<Object>> out = new ArrayList<>();
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      int n = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        List<Object> row = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
          Object v = rs.getObject(i);
          row.add(v instanceof java.util.Date ? rs.getString(i) : v);
        }
        out.add(row);
      }
    }
    return out;
  }
}
