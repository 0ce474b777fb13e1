package io.pluresdb.driver.cli;

import java.sql.SQLException;

/** The database argument of {@code export} and {@code import}, and how they report a failure. */
final class DatabaseArg {
  private DatabaseArg() {}

  /** A {@code jdbc:} URL as given; a file path as the URL of that file. */
  static String url(String database) {
    return database.startsWith("jdbc:") ? database : "jdbc:pluresdb:" + database;
  }

  /** Prints the error as one line with its SQLState, and returns the exit code 1. */
  static int fail(SQLException e) {
    System.err.println("Error: " + e.getMessage() + " (SQLState " + e.getSQLState() + ")");
    return 1;
  }
}
