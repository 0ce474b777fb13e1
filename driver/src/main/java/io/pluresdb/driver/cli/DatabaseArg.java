package io.pluresdb.driver.cli;

import io.pluresdb.crdt.error.Errors;
import io.pluresdb.crdt.error.SqlState;
import io.pluresdb.driver.url.ConnectionUrl;
import io.pluresdb.engine.api.DatabaseTarget;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Properties;

/** The database argument of {@code export} and {@code import}, and how they report a failure. */
final class DatabaseArg {
  private DatabaseArg() {}

  /** A {@code jdbc:} URL as given; a file path as the URL of that file. */
  static String url(String database) {
    return database.startsWith("jdbc:") ? database : "jdbc:pluresdb:" + database;
  }

  /**
   * Refuses a database file that does not exist, so that a mistyped path fails instead of silently
   * creating an empty database (opening a URL of a file creates it).
   *
   * @param hint what to do instead, appended to the message (may be empty)
   * @throws SQLException 08001 naming the file
   */
  static void requireExisting(String database, String hint) throws SQLException {
    DatabaseTarget target = ConnectionUrl.parse(url(database), new Properties()).target();
    Path file = target.file();
    if (file != null && !Files.isRegularFile(file)) {
      throw Errors.of(
          SqlState.CLIENT_UNABLE_TO_CONNECT,
          "database file '" + file.toAbsolutePath() + "' does not exist" + hint);
    }
  }

  /** Prints the error as one line with its SQLState, and returns the exit code 1. */
  static int fail(SQLException e) {
    System.err.println("Error: " + e.getMessage() + " (SQLState " + e.getSQLState() + ")");
    return 1;
  }
}
