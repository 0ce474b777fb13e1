package io.pluresdb.driver.cli;

import io.pluresdb.driver.transfer.Transfer;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** What {@code export} and {@code import} share: the database argument and the file's format. */
final class TransferOptions {
  @Parameters(index = "0", paramLabel = "DB", description = "The database file, or its URL.")
  private String database;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      description = "csv or json (JSON lines: one object per row); default: ${DEFAULT-VALUE}.",
      defaultValue = "csv")
  Transfer format;

  /**
   * A connection to the database; a database file that does not exist is refused unless {@code
   * create}, with {@code hint} after the message.
   */
  Connection connect(boolean create, String hint) throws SQLException {
    if (!create) {
      DatabaseArg.requireExisting(database, hint);
    }
    return DriverManager.getConnection(DatabaseArg.url(database));
  }
}
