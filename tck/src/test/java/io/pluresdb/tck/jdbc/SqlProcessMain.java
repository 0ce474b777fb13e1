package io.pluresdb.tck.jdbc;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * A JVM of its own holding one connection to {@code args[0]}, driven line by line through its
 * standard input by {@link SqlProcess}: each command gets one line of answer on standard output
 * ({@code OK n}, {@code ROWS a b;c d}, {@code KEYS k}, or {@code ERR <SQLState> <message>}).
 */
public final class SqlProcessMain {
  private SqlProcessMain() {}

  public static void main(String[] args) throws Exception {
    try (Connection c = DriverManager.getConnection(args[0]);
        BufferedReader in =
            new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
      System.out.println("READY");
      System.out.flush();
      String line;
      while ((line = in.readLine()) != null) {
        System.out.println(run(c, line));
        System.out.flush();
      }
    }
  }

  private static String run(Connection c, String line) {
    int space = line.indexOf(' ');
    String command = space < 0 ? line : line.substring(0, space);
    String arg = space < 0 ? "" : line.substring(space + 1);
    try (Statement s = c.createStatement()) {
      switch (command) {
        case "update":
          return "OK " + s.executeUpdate(arg);
        case "query":
          try (ResultSet rs = s.executeQuery(arg)) {
            return "ROWS " + rows(rs);
          }
        case "keys":
          s.executeUpdate(arg, Statement.RETURN_GENERATED_KEYS);
          try (ResultSet rs = s.getGeneratedKeys()) {
            return "KEYS " + rows(rs);
          }
        case "autocommit":
          c.setAutoCommit(arg.equals("on"));
          return "OK";
        case "commit":
          c.commit();
          return "OK";
        case "rollback":
          c.rollback();
          return "OK";
        default:
          return "BAD " + line;
      }
    } catch (SQLException e) {
      return "ERR " + e.getSQLState() + " " + String.valueOf(e.getMessage()).replace('\n', ' ');
    }
  }

  private static String rows(ResultSet rs) throws SQLException {
    List<String> rows = new ArrayList<>();
    int n = rs.getMetaData().getColumnCount();
    while (rs.next()) {
      List<String> values = new ArrayList<>();
      for (int i = 1; i <= n; i++) {
        values.add(rs.getString(i));
      }
      rows.add(String.join(" ", values));
    }
    return String.join(";", rows);
  }
}
