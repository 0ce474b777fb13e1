package io.pluresdb.engine.processes;

import io.pluresdb.crdt.error.Errors;
import io.pluresdb.crdt.error.SqlState;
import io.pluresdb.crdt.store.Store;
import io.pluresdb.engine.api.DatabaseTarget;
import io.pluresdb.engine.api.EngineSettings;
import io.pluresdb.engine.runtime.RunningEngine;
import java.nio.file.Path;
import java.sql.SQLException;

/**
 * Opening a file database in this process: as its owner when the lock is free, else as the follower
 * of the process whose lock file names its endpoint, waiting for an owner still opening.
 *
 * <p>Stateless.
 */
final class FileOpening {
  private static final long OPEN_WAIT_MILLIS = 60_000;

  private FileOpening() {}

  /** See {@link FileEngine#open}. */
  static FileEngine open(DatabaseTarget target, EngineSettings settings, Runnable statementEnded)
      throws SQLException {
    Path lockFile = Store.lockFile(file(target));
    long deadline = System.nanoTime() + OPEN_WAIT_MILLIS * 1_000_000;
    while (true) {
      try {
        return FileEngine.owner(
            target, settings, statementEnded, Owned.open(target, settings, statementEnded));
      } catch (SQLException e) {
        if (!SqlState.OBJECT_IN_USE.code().equals(e.getSQLState())) {
          throw e;
        }
        LockNote note = LockNote.readOrFail(lockFile, target);
        if (note != null) {
          RunningEngine local = RunningEngine.follow(target, settings, statementEnded);
          return FileEngine.follower(target, settings, statementEnded, local, note);
        }
        if (System.nanoTime() > deadline) {
          throw Errors.of(
              SqlState.OBJECT_IN_USE,
              "database file '"
                  + target
                  + "' is owned by a process that names no endpoint in its lock file "
                  + lockFile,
              e);
        }
      }
      pause(50);
    }
  }

  static Path file(DatabaseTarget target) {
    Path f = target.file();
    if (f == null) {
      throw new IllegalArgumentException("not a file database: " + target);
    }
    return f;
  }

  private static void pause(long millis) throws SQLException {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw Errors.of(SqlState.QUERY_CANCELED, "interrupted while opening a database", e);
    }
  }
}
