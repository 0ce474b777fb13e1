package io.pluresdb.crdt.store;

import io.pluresdb.crdt.error.Errors;
import io.pluresdb.crdt.error.SqlState;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;

/**
 * SQLite's {@code VACUUM} on the store's file (see {@link Store#vacuum}).
 *
 * <p>In place, the file is rebuilt on the writer's connection while the caller holds the writer
 * permit, between two write transactions, as any writer would: readers keep reading their snapshot
 * (WAL), writers wait for the permit. The WAL, which then holds every page once more, is truncated
 * afterwards, so that the file on disk shrinks to its data.
 *
 * <p>{@code INTO} reads on a connection of its own, in one read transaction: writers go on
 * meanwhile, and since a local or remote transaction commits its log record, clocks and rows in one
 * SQLite transaction, the copy holds a committed prefix of the log and exactly the rows it makes.
 *
 * <p>Stateless; thread-safe as its callers are (the permit guards the writer).
 */
final class Vacuum {
  private Vacuum() {}

  /** In place ({@code into} null) or into a copy; the caller does not hold the permit. */
  static void run(WriterPermit permit, Writer w, StoreFiles files, Path into, Duration wait)
      throws SQLException {
    permit.checkOpen();
    if (into != null) {
      into(files, into);
    } else {
      inPlace(permit, w, wait, files.description());
    }
  }

  private static void inPlace(WriterPermit permit, Writer w, Duration wait, String description)
      throws SQLException {
    permit.acquire(wait);
    try {
      // SQLite refuses VACUUM while a statement of the connection is still open
      w.closeStatements();
      w.pragmas("VACUUM", "PRAGMA wal_checkpoint(TRUNCATE)");
    } catch (SQLException e) {
      throw Errors.of(SqlState.IO_ERROR, "VACUUM of " + description + " failed: " + reason(e), e);
    } finally {
      permit.release();
    }
  }

  /**
   * Writes a consistent copy of the committed store to {@code target}, which must not exist or be
   * empty (as SQLite requires).
   */
  private static void into(StoreFiles files, Path target) throws SQLException {
    Path file = target.toAbsolutePath();
    if (nonEmpty(file)) {
      throw Errors.of(
          SqlState.DUPLICATE_FILE,
          "cannot VACUUM INTO '" + file + "': the file exists and is not empty");
    }
    try (Connection c = files.connect();
        PreparedStatement ps = c.prepareStatement("VACUUM INTO ?")) {
      ps.setString(1, file.toString());
      ps.execute();
    } catch (SQLException e) {
      throw Errors.of(SqlState.IO_ERROR, "cannot VACUUM INTO '" + file + "': " + reason(e), e);
    }
  }

  private static boolean nonEmpty(Path file) throws SQLException {
    try {
      return Files.exists(file) && (Files.isDirectory(file) || Files.size(file) > 0);
    } catch (IOException e) {
      throw Errors.of(SqlState.IO_ERROR, "cannot read '" + file + "': " + e.getMessage(), e);
    }
  }

  private static String reason(SQLException e) {
    String m = e.getMessage();
    return m == null ? e.getClass().getSimpleName() : m;
  }
}
