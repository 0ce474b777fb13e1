package io.pluresdb.tck.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/** Small helpers shared by the conformance tests; only {@code java.sql} is touched. */
final class Db {
  private Db() {}

  /** A URL for a database file inside {@code dir}. */
  static String fileUrl(Path dir, String name) {
    return "jdbc:pluresdb:" + dir.resolve(name + ".db");
  }

  /** A URL for an in-memory database no other test uses. */
  static String memUrl() {
    return "jdbc:pluresdb:mem:tck_" + UUID.randomUUID().toString().replace("-", "");
  }

  static Connection open(String url) throws SQLException {
    return DriverManager.getConnection(url);
  }

  static void exec(Connection c, String... sql) throws SQLException {
    try (Statement s = c.createStatement()) {
      for (String each : sql) {
        s.execute(each);
      }
    }
  }

  /** The single value of a one-row, one-column query. */
  static Object scalar(Connection c, String sql) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      assertThat(rs.next()).as("a row from %s", sql).isTrue();
      Object value = rs.getObject(1);
      assertThat(rs.next()).as("only one row from %s", sql).isFalse();
      return value;
    }
  }

  static long count(Connection c, String table) throws SQLException {
    return ((Number) scalar(c, "SELECT COUNT(*) FROM " + table)).longValue();
  }

  /** Runs the call, asserts it throws a SQLException with the state, and returns it. */
  static SQLException assertSqlState(String sqlState, ThrowingCallable call) {
    Throwable thrown = catchThrowable(call);
    assertThat(thrown).as("expected SQLState %s", sqlState).isInstanceOf(SQLException.class);
    SQLException e = (SQLException) thrown;
    assertThat(e.getSQLState()).as("SQLState of: %s", e.getMessage()).isEqualTo(sqlState);
    assertThat(e.getMessage()).isNotBlank();
    return e;
  }

  /** Each row of {@code sql} as its columns' getString values joined by {@code |}. */
  static List<String> rows(Connection c, String sql) throws SQLException {
    List<String> out = new ArrayList<>();
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      int n = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        StringBuilder row = new StringBuilder();
        for (int i = 1; i <= n; i++) {
          row.append(i == 1 ? "" : "|").append(rs.getString(i));
        }
        out.add(row.toString());
      }
    }
    return out;
  }
}
