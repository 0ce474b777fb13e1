package io.pluresdb.crdt.store;

import io.pluresdb.crdt.error.Errors;
import io.pluresdb.crdt.error.SqlState;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * The one permit to use the store's {@link Writer}, and whether the store is closed. A fair
 * semaphore rather than a lock, because a JDBC transaction may commit on another thread than the
 * one that began it, and the permit is held from begin to commit.
 *
 * <p>Thread-safe: any thread may acquire; whoever holds the permit releases it, on any thread. The
 * closed flag is volatile and checked again after acquiring, so a writer that waited through a
 * close does not touch the closed connection.
 */
final class WriterPermit {
  private final Semaphore permit = new Semaphore(1, true);
  private final String description;
  private volatile boolean closed;

  /**
   * @param description the store's file, named in errors
   */
  WriterPermit(String description) {
    this.description = description;
  }

  boolean closed() {
    return closed;
  }

  /** Fails with CONNECTION_DOES_NOT_EXIST once the store is closed. */
  void checkOpen() throws SQLException {
    if (closed) {
      throw Errors.of(
          SqlState.CONNECTION_DOES_NOT_EXIST, "the store of " + description + " is closed");
    }
  }

  /**
   * Takes the permit, waiting at most {@code timeout}: LOCK_NOT_AVAILABLE when the writer stays
   * busy, QUERY_CANCELED when interrupted, CONNECTION_DOES_NOT_EXIST when the store is (or became)
   * closed.
   */
  void acquire(Duration timeout) throws SQLException {
    checkOpen();
    try {
      if (!permit.tryAcquire(timeout.toNanos(), TimeUnit.NANOSECONDS)) {
        throw Errors.of(
            SqlState.LOCK_NOT_AVAILABLE,
            "the writer of " + description + " stayed busy for " + timeout.toMillis() + " ms");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw Errors.of(
          SqlState.QUERY_CANCELED, "interrupted waiting for the writer of " + description, e);
    }
    if (closed) {
      permit.release();
      checkOpen();
    }
  }

  void release() {
    permit.release();
  }

  /**
   * Marks the store closed, first waiting up to {@code timeout} for the current holder to finish
   * (an interrupt or a holder that never finishes does not keep the store open); returns whether
   * the permit was taken, so the caller releases it after closing the connection.
   */
  boolean closeAfter(Duration timeout) {
    boolean held = false;
    try {
      held = permit.tryAcquire(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    closed = true;
    return held;
  }

  /**
   * Closes a store once: waits for the writer ({@link #closeAfter}), then closes its log reader,
   * writer connection and files, in that order, and releases the permit if it was taken.
   */
  void closeAll(Duration wait, LogReader log, Writer writer, StoreFiles files) throws SQLException {
    if (closed()) {
      return;
    }
    boolean held = closeAfter(wait);
    try (log) {
      writer.closeStatements();
      writer.conn.close();
    } finally {
      files.close();
      if (held) {
        release();
      }
    }
  }
}
