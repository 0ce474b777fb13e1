package io.pluresdb.driver.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;
import java.util.concurrent.atomic.AtomicInteger;

/** Small helpers for tests that go through {@code java.sql}. */
final class Db {
  private static final AtomicInteger NAMES = new AtomicInteger();

  private Db() {}

  /** A URL for a fresh in-memory database. */
  static String freshMemoryUrl() {
    return "jdbc:pluresdb:mem:test" + NAMES.incrementAndGet() + "-" + System.nanoTime();
  }

  static Connection connect(String url) throws SQLException {
    return DriverManager.getConnection(url);
  }

  static void exec(Connection c, String... statements) throws SQLException {
    try (Statement s = c.createStatement()) {
      for (String sql : statements) {
        s.execute(sql);
      }
    }
  }

  /** The rows of a query, each as its values joined by '|'. */
  static List<String> rows(Connection c, String sql) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      return rows(rs);
    }
  }

  static List<String> rows(ResultSet rs) throws SQLException {
    List<String> out = new ArrayList<>();
    int n = rs.getMetaData().getColumnCount();
    while (rs.next()) {
      StringJoiner j = new StringJoiner("|");
      for (int i = 1; i <= n; i++) {
        j.add(String.valueOf(rs.getString(i)));
      }
      out.add(j.toString());
    }
    return out;
  }

  static void createAlbums(Connection c) throws SQLException {
    exec(
        c,
        "CREATE TABLE artist (id BIGINT PRIMARY KEY, name VARCHAR(100) NOT NULL)",
        "CREATE TABLE album (id BIGINT PRIMARY KEY, name VARCHAR(100) NOT NULL, year INTEGER,"
            + " released DATE, artist_id BIGINT)");
    assertThat(c.getMetaData().getTables(null, null, "album", null).next()).isTrue();
  }
}
