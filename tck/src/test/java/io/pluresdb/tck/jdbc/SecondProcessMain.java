package io.pluresdb.tck.jdbc;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * The second OS process of {@link SecondProcessTest}: opens the database at {@code args[0]},
 * inserts row {@code args[1]} into {@code t} and prints the row count. Exit 0 on success, 2 with
 * the SQLState and message on a SQLException, 3 on anything else.
 */
public final class SecondProcessMain {
  private SecondProcessMain() {}

  public static void main(String[] args) {
    try (Connection c = DriverManager.getConnection(args[0])) {
      try (PreparedStatement p = c.prepareStatement("INSERT INTO t VALUES (?, 'child')")) {
        p.setInt(1, Integer.parseInt(args[1]));
        p.executeUpdate();
      }
      System.out.println("OK " + Db.count(c, "t"));
      System.exit(0);
    } catch (SQLException e) {
      System.err.println("SQLSTATE " + e.getSQLState() + " " + e.getMessage());
      System.exit(2);
    } catch (Throwable e) {
      e.printStackTrace();
      System.exit(3);
    }
  }
}
