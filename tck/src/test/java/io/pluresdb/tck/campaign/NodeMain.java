package io.pluresdb.tck.campaign;

import io.pluresdb.jdbc.PluresConnection;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * One node of the campaign as its own OS process: opens the database at {@code args[0]}, prints
 * {@code READY <node id> <listen port>} and then answers one command per stdin line (see {@link
 * NodeProtocol}) until {@code QUIT} or the end of its input. A write is answered {@code OK} only
 * after {@code commit()} has returned, so the test counts it as acknowledged.
 *
 * <p>Single-threaded: the main thread reads, runs and answers each command in turn.
 */
public final class NodeMain {
  private final Connection c;
  private final PrintStream out;

  private NodeMain(Connection c, PrintStream out) {
    this.c = c;
    this.out = out;
  }

  public static void main(String[] args) throws Exception {
    // the protocol owns stdout; anything a library prints goes to the node's log instead
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    System.setOut(System.err);
    try (Connection c = DriverManager.getConnection(args[0])) {
      PluresConnection p = c.unwrap(PluresConnection.class);
      int port = p.listenPort();
      out.println(NodeProtocol.READY + " " + p.nodeId() + " " + Math.max(port, 0));
      new NodeMain(c, out).serve();
    }
    System.exit(0);
  }

  private void serve() throws Exception {
    BufferedReader in =
        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    for (String line = in.readLine(); line != null; line = in.readLine()) {
      int space = line.indexOf(' ');
      String verb = space < 0 ? line : line.substring(0, space);
      String arg = space < 0 ? "" : line.substring(space + 1);
      if (verb.equals(NodeProtocol.QUIT)) {
        out.println(NodeProtocol.OK);
        return;
      }
      try {
        switch (verb) {
          case NodeProtocol.TX -> transaction(NodeProtocol.statements(arg));
          case NodeProtocol.QUERY -> query(arg);
          case NodeProtocol.SCHEMA -> schema();
          default -> throw new IllegalArgumentException("unknown command " + verb);
        }
        out.println(NodeProtocol.OK);
      } catch (SQLException e) {
        out.println(NodeProtocol.error(e.getSQLState(), e.getMessage()));
      }
    }
  }

  private void transaction(List<String> sql) throws SQLException {
    c.setAutoCommit(false);
    try (Statement s = c.createStatement()) {
      for (String each : sql) {
        s.execute(each);
      }
      c.commit();
    } catch (SQLException e) {
      c.rollback();
      throw e;
    } finally {
      c.setAutoCommit(true);
    }
  }

  private void query(String sql) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      ResultSetMetaData md = rs.getMetaData();
      while (rs.next()) {
        List<String> row = new ArrayList<>();
        for (int i = 1; i <= md.getColumnCount(); i++) {
          Object v = rs.getObject(i);
          row.add(v == null ? "NULL" : v.toString());
        }
        out.println(NodeProtocol.row(row));
      }
    }
  }

  /** Every user table's columns with their type names, in table then column order. */
  private void schema() throws SQLException {
    DatabaseMetaData md = c.getMetaData();
    List<String> tables = new ArrayList<>();
    try (ResultSet rs = md.getTables(null, null, "%", new String[] {"TABLE"})) {
      while (rs.next()) {
        tables.add(rs.getString("TABLE_NAME"));
      }
    }
    tables.sort(null);
    for (String t : tables) {
      try (ResultSet rs = md.getColumns(null, null, t, "%")) {
        while (rs.next()) {
          out.println(
              NodeProtocol.row(
                  List.of(
                      t,
                      rs.getString("ORDINAL_POSITION"),
                      rs.getString("COLUMN_NAME"),
                      rs.getString("TYPE_NAME"))));
        }
      }
    }
  }
}
