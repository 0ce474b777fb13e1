package io.pluresdb.store.postgres;

import io.pluresdb.crdt.error.Errors;
import io.pluresdb.crdt.error.SqlState;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Listens on the log's channel ({@code LISTEN pluresdb_log}) and runs {@code wake} whenever any hub
 * appended, and at least every {@link #POLL_MILLIS} ms besides (a notification lost while the
 * connection was down is then only late, never missed). The notification is a wake-up only: what
 * changed is read from the log. Its connection is its own, outside the pool, since a listener must
 * keep one session; when it breaks, it is opened again after a pause.
 *
 * <p>Runs on one daemon thread until {@link #close}.
 */
final class PgWake implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(PgWake.class);
  static final int POLL_MILLIS = 5_000;
  private static final long RETRY_MILLIS = 1_000;

  private final PgTarget target;
  private final Runnable wake;
  private final Thread thread;
  private volatile boolean closed;
  private @Nullable Connection first;

  PgWake(PgTarget target, Runnable wake) {
    this.target = target;
    this.wake = wake;
    this.thread = new Thread(this::run, "pluresdb-pg-listen");
    thread.setDaemon(true);
  }

  /** Starts listening; returns once the first LISTEN is in place (or fails as that attempt did). */
  PgWake start() throws SQLException {
    first = listen();
    thread.start(); // sees first: Thread.start happens-before the thread's actions
    return this;
  }

  private Connection listen() throws SQLException {
    Properties p = new Properties();
    if (target.user() != null) {
      p.setProperty("user", target.user());
    }
    if (target.password() != null) {
      p.setProperty("password", target.password());
    }
    // the driver itself, not DriverManager: a self-contained jar need not register it
    Connection c = new org.postgresql.Driver().connect(target.jdbcUrl(), p);
    if (c == null) {
      throw Errors.of(
          SqlState.CLIENT_UNABLE_TO_CONNECT, "not a PostgreSQL URL: " + target.jdbcUrl());
    }
    try (Statement s = c.createStatement()) {
      s.execute("LISTEN " + PgSchema.CHANNEL);
    }
    return c;
  }

  private void run() {
    Connection c = first;
    first = null;
    while (!closed) {
      try {
        if (c == null) {
          c = listen();
          wake.run(); // what was appended while the connection was down
        }
        var got = c.unwrap(PGConnection.class).getNotifications(POLL_MILLIS);
        if (!closed) {
          wake.run();
        }
        LOG.trace("woken by {} notifications", got == null ? 0 : got.length);
      } catch (SQLException e) {
        if (closed) {
          break;
        }
        LOG.warn("listening on {} failed; listening again in {} ms", target, RETRY_MILLIS, e);
        closeQuietly(c);
        c = null;
        pause();
      }
    }
    closeQuietly(c);
  }

  private void pause() {
    try {
      TimeUnit.MILLISECONDS.sleep(RETRY_MILLIS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      closed = true;
    }
  }

  private static void closeQuietly(@Nullable Connection c) {
    if (c != null) {
      try {
        c.close();
      } catch (SQLException e) {
        LOG.debug("closing the listener's connection failed", e);
      }
    }
  }

  @Override
  public void close() {
    closed = true;
    thread.interrupt();
    try {
      thread.join(TimeUnit.SECONDS.toMillis(10));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
