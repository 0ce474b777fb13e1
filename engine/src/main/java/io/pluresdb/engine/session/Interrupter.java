package io.pluresdb.engine.session;

import io.pluresdb.crdt.error.Errors;
import io.pluresdb.crdt.error.SqlState;
import io.pluresdb.crdt.error.SqliteStates;
import io.pluresdb.sql.vector.FunctionErrors;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Cancellation and query timeouts for one session: knows the SQLite statement that is running and
 * interrupts it (sqlite-jdbc's cancel calls {@code sqlite3_interrupt}); the failure that follows
 * becomes 57014.
 *
 * <p>Thread-safe: the session's thread sets the running statement; {@link #cancel()} and the
 * timeout timer may run on any thread. All state is volatile; nothing blocks.
 */
final class Interrupter {
  private final ScheduledExecutorService timer;
  private volatile Statement running;
  private volatile boolean cancelled;
  private volatile boolean timedOut;

  /** An interrupter whose timeouts fire on {@code timer}. */
  Interrupter(ScheduledExecutorService timer) {
    this.timer = timer;
  }

  /** A new statement starts: forget earlier cancels and timeouts. */
  void reset() {
    cancelled = false;
    timedOut = false;
  }

  /** The statement now running, or null. */
  void running(Statement statement) {
    running = statement;
  }

  /** Interrupts the statement after {@code seconds}, marking the failure as a timeout. */
  ScheduledFuture<?> timeoutAfter(int seconds) {
    return timer.schedule(
        () -> {
          timedOut = true;
          interrupt();
        },
        seconds,
        TimeUnit.SECONDS);
  }

  void cancel() {
    cancelled = true;
    interrupt();
  }

  private void interrupt() {
    Statement s = running;
    if (s != null) {
      try {
        s.cancel();
      } catch (SQLException ignored) {
        // The statement finished in the meantime: nothing left to cancel.
      }
    }
  }

  /** Maps SQLite's interrupt to 57014 and gives stateless SQLite errors a state. */
  SQLException map(SQLException e) {
    String m = e.getMessage() == null ? "" : e.getMessage();
    if (cancelled || timedOut || m.contains("SQLITE_INTERRUPT") || m.contains("interrupted")) {
      String why =
          timedOut
              ? "canceling statement due to statement timeout"
              : "canceling statement due to user request";
      return Errors.of(SqlState.QUERY_CANCELED, why, e);
    }
    SQLException raised = FunctionErrors.decode(e);
    if (raised != null) {
      return raised;
    }
    return SqliteStates.withState(e);
  }
}
