package io.pluresdb.jdbc.compat;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A fresh PluresDB database and a fresh raw SQLite database ({@code jdbc:sqlite::memory:}) given
 * the same statements, so that a test can compare PluresDB's answer with SQLite's.
 */
final class Twin implements AutoCloseable {
  private static final AtomicInteger NAMES = new AtomicInteger();

  /** PluresDB's connection and SQLite's (with foreign keys on, as PluresDB always has them). */
  final Connection plures;

  final Connection sqlite;

  /** One query's answer: labels, names and rows, each value as {@code getString} gives it. */
  record Answer(List<String> labels, List<String> names, List<List<String>> rows) {}

  Twin() throws SQLException {
    plures =
        DriverManager.getConnection(
            "jdbc:pluresdb:mem:compat" + NAMES.incrementAndGet() + "-" + System.nanoTime());
    sqlite = DriverManager.getConnection("jdbc:sqlite::memory:");
    exec(sqlite, "PRAGMA foreign_keys=ON");
  }

  /** PluresDB's and SQLite's databases as files in {@code dir}. */
  Twin(java.nio.file.Path dir) throws SQLException {
    plures = DriverManager.getConnection("jdbc:pluresdb:" + dir.resolve("plures.db"));
    sqlite = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("sqlite.db"));
    exec(sqlite, "PRAGMA foreign_keys=ON");
  }

  static Twin open() throws SQLException {
    return new Twin();
  }

  /** Runs each statement in both databases. */
  void exec(String... statements) throws SQLException {
    both(statements);
  }

  /** Runs each statement in both databases, SQLite's first. */
  void both(String... statements) throws SQLException {
    for (String sql : statements) {
      exec(sqlite, sql);
      exec(plures, sql);
    }
  }

  static void exec(Connection c, String sql) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }

  /** The rows of a query, each as its values joined by '|'. */
  static List<String> rows(Connection c, String sql) throws SQLException {
    List<String> out = new ArrayList<>();
    for (List<String> row : answer(c, sql).rows()) {
      out.add(String.join("|", row));
    }
    return out;
  }

  /** The column labels of a query. */
  static List<String> labels(Connection c, String sql) throws SQLException {
    return answer(c, sql).labels();
  }

  /** Asserts that PluresDB gives SQLite's rows, labels and names for a query. */
  void assertSameAnswer(String sql) throws SQLException {
    Answer expected = answer(sqlite, sql);
    Answer actual = answer(plures, sql);
    assertThat(actual.rows()).as("rows of %s", sql).isEqualTo(expected.rows());
    assertThat(actual.labels()).as("labels of %s", sql).isEqualTo(expected.labels());
    assertThat(actual.names()).as("names of %s", sql).isEqualTo(expected.names());
  }

  void oursExec(String sql) throws SQLException {
    exec(plures, sql);
  }

  void sqliteExec(String sql) throws SQLException {
    exec(sqlite, sql);
  }

  Answer ours(String sql) throws SQLException {
    return answer(plures, sql);
  }

  Answer sqlite(String sql) throws SQLException {
    return answer(sqlite, sql);
  }

  private static Answer answer(Connection c, String sql) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      ResultSetMetaData md = rs.getMetaData();
      List<String> labels = new ArrayList<>();
      List<String> names = new ArrayList<>();
      for (int i = 1; i <= md.getColumnCount(); i++) {
        labels.add(md.getColumnLabel(i));
        names.add(md.getColumnName(i));
      }
      List<List<String>> rows = new ArrayList<>();
      while (rs.next()) {
        List<String> row = new ArrayList<>();
        for (int i = 1; i <= labels.size(); i++) {
          row.add(String.valueOf(rs.getString(i)));
        }
        rows.add(row);
      }
      return new Answer(labels, names, rows);
    }
  }

  @Override
  public void close() throws SQLException {
    try (sqlite) {
      plures.close();
    }
  }
}
