package io.pluresdb.jdbc.compat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A PluresDB in-memory database and a raw sqlite-jdbc one (foreign keys on) that receive the same
 * statements, so a test can compare their answers.
 */
final class Twins implements AutoCloseable {
  private static final AtomicInteger NAMES = new AtomicInteger();

  final Connection plures;
  final Connection sqlite;

  Twins() throws SQLException {
    plures =
        DriverManager.getConnection(
            "jdbc:pluresdb:mem:compat" + NAMES.incrementAndGet() + "-" + System.nanoTime());
    sqlite = DriverManager.getConnection("jdbc:sqlite::memory:");
    exec(sqlite, "PRAGMA foreign_keys=ON");
  }

  /** Runs each statement on both databases. */
  void both(String... statements) throws SQLException {
    for (String sql : statements) {
      exec(plures, sql);
      exec(sqlite, sql);
    }
  }

  static void exec(Connection c, String sql) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }

  /** The rows of a query, each as its values joined by '|'. */
  static List<String> rows(Connection c, String sql) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
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
  }

  /** The column labels of a query. */
  static List<String> labels(Connection c, String sql) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      List<String> out = new ArrayList<>();
      for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
        out.add(rs.getMetaData().getColumnLabel(i));
      }
      return out;
    }
  }

  @Override
  public void close() throws SQLException {
    try (Connection p = plures;
        Connection s = sqlite) {
      // both closed
    }
  }
}
