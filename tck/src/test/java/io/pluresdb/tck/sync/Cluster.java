package io.pluresdb.tck.sync;

import static org.awaitility.Awaitility.await;

import io.pluresdb.jdbc.PluresConnection;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Nodes of one test: each a database file in the test's directory, opened with replication
 * properties; closing the cluster closes every connection still open (which stops the nodes).
 */
final class Cluster implements AutoCloseable {
  static final String TOKEN = "s3cret";
  static final Duration CONVERGE = Duration.ofSeconds(120);

  private final Path dir;
  private final List<Connection> open = new ArrayList<>();

  Cluster(Path dir) {
    this.dir = dir;
  }

  /** The JDBC URL of node {@code name} with the given query (without the '?'). */
  String url(String name, String query) {
    return "jdbc:pluresdb:" + dir.resolve(name + ".db") + (query.isEmpty() ? "" : "?" + query);
  }

  /** The database file of node {@code name}. */
  Path file(String name) {
    return dir.resolve(name + ".db");
  }

  /** Opens node {@code name} with that URL query. */
  Connection node(String name, String query) throws SQLException {
    Connection c = DriverManager.getConnection(url(name, query));
    open.add(c);
    return c;
  }

  /** A hub: listens on a free loopback port with the token. */
  Connection hub(String name) throws SQLException {
    return node(name, "listen=127.0.0.1:0&token=" + TOKEN);
  }

  /** A hub on a given port (to restart one where its clients look for it). */
  Connection hub(String name, int port) throws SQLException {
    return node(name, "listen=127.0.0.1:" + port + "&token=" + TOKEN);
  }

  /** A client of the hub at {@code port}. */
  Connection client(String name, int port) throws SQLException {
    return node(name, "peers=ws://127.0.0.1:" + port + "&token=" + TOKEN);
  }

  static int port(Connection hub) throws SQLException {
    return hub.unwrap(PluresConnection.class).listenPort();
  }

  /** Closes one node's connection (the node stops when its last connection closes). */
  void stop(Connection c) throws SQLException {
    open.remove(c);
    c.close();
  }

  static void exec(Connection c, String... sql) throws SQLException {
    try (Statement s = c.createStatement()) {
      for (String each : sql) {
        s.execute(each);
      }
    }
  }

  /** Every row of a query, as lists of strings (null as "NULL"), in the query's order. */
  static List<List<String>> rows(Connection c, String sql) throws SQLException {
    List<List<String>> out = new ArrayList<>();
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      ResultSetMetaData md = rs.getMetaData();
      while (rs.next()) {
        String[] row = new String[md.getColumnCount()];
        for (int i = 0; i < row.length; i++) {
          Object v = rs.getObject(i + 1);
          row[i] = v == null ? "NULL" : v.toString();
        }
        out.add(Arrays.asList(row));
      }
    }
    return out;
  }

  /**
   * Like {@link #rows} but a missing table or column reads as no rows (it has not replicated yet: a
   * node polled before an ALTER TABLE reaches it lacks the new column).
   */
  static List<List<String>> rowsOrNone(Connection c, String sql) {
    try {
      return rows(c, sql);
    } catch (SQLException e) {
      if ("42P01".equals(e.getSQLState()) || "42703".equals(e.getSQLState())) {
        return List.of();
      }
      throw new IllegalStateException(e);
    }
  }

  /**
   * Waits until the query returns the same rows on every node, and returns them. A missing table
   * reads as no rows, so waiting for a table to arrive takes a query that has a row when it is
   * there ({@code SELECT COUNT(*)}).
   */
  static List<List<String>> awaitSame(String sql, Connection... nodes) {
    List<List<List<String>>> seen = new ArrayList<>();
    await()
        .atMost(CONVERGE)
        .pollInterval(Duration.ofMillis(20))
        .until(
            () -> {
              seen.clear();
              for (Connection n : nodes) {
                seen.add(rowsOrNone(n, sql));
              }
              return seen.stream().distinct().count() == 1;
            });
    return seen.get(0);
  }

  @Override
  public void close() throws SQLException {
    SQLException failure = null;
    for (int i = open.size() - 1; i >= 0; i--) {
      try {
        open.get(i).close();
      } catch (SQLException e) {
        failure = e;
      }
    }
    open.clear();
    if (failure != null) {
      throw failure;
    }
  }
}
