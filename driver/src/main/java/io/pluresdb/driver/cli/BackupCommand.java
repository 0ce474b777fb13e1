package io.pluresdb.driver.cli;

import io.pluresdb.crdt.store.Store;
import io.pluresdb.jdbc.PluresDriver;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code pluresdb backup DB COPY}: a consistent copy of a database file while it is in use, by
 * SQLite's {@code VACUUM INTO} (writers go on; the copy holds every transaction committed before it
 * began and none after). Works while another process holds the database: the copy is read from the
 * file beside the owner.
 *
 * <p>By default the copy is this same node, to restore in its place; {@code --as-new-node} makes it
 * a new node of the same database, which may run and replicate beside the original. Two live nodes
 * with one node id would corrupt replication, so a same-node copy must only ever replace the
 * original.
 */
@Command(
    name = "backup",
    footerHeading = "%nExamples:%n",
    footer = {
      "  java -jar pluresdb.jar backup ./app.db ./app-2026-12-02.db",
      "  java -jar pluresdb.jar backup ./app.db ./second-node.db --as-new-node"
    },
    description = {
      "Copy a database file while it is in use (also beside the process that holds it): the copy"
          + " holds every transaction committed before the backup began.",
      "The copy is the same node, to open only in place of the original (a restore); with"
          + " --as-new-node it is a new node of the same database, which replicates beside the"
          + " original."
    })
final class BackupCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "DB", description = "The database file.")
  private Path database;

  @Parameters(
      index = "1",
      paramLabel = "COPY",
      description = "The file to write; it must not exist or be empty.")
  private Path copy;

  @Option(
      names = "--as-new-node",
      description =
          "Give the copy a node identity of its own (a new key pair and node id, no node number:"
              + " it generates 64-bit keys only), so that it can run beside the original.")
  private boolean asNewNode;

  @Override
  public Integer call() throws IOException {
    PluresDriver.register();
    Path source = database.toAbsolutePath();
    Path target = copy.toAbsolutePath();
    if (!Files.isRegularFile(source)) {
      System.err.println("Error: database file '" + source + "' does not exist");
      return 1;
    }
    try {
      try (Connection c = DriverManager.getConnection("jdbc:pluresdb:" + source);
          Statement s = c.createStatement()) {
        s.execute("VACUUM INTO '" + target.toString().replace("'", "''") + "'");
      }
      if (asNewNode) {
        String node = newNode(target);
        System.err.println("Copied " + source + " to " + target + " as new node " + node + ".");
      } else {
        System.err.println(
            "Copied "
                + source
                + " to "
                + target
                + ": the same node; open it only in place of the original.");
      }
      return 0;
    } catch (SQLException e) {
      return DatabaseArg.fail(e);
    }
  }

  /** Makes the copy a new node; a copy that could not be made one is removed, not left as is. */
  private static String newNode(Path target) throws SQLException, IOException {
    try {
      return Store.becomeNewNode(target);
    } catch (SQLException | RuntimeException e) {
      Files.deleteIfExists(target);
      throw e;
    }
  }
}
