package io.pluresdb.driver.jdbc;

import io.pluresdb.crdt.error.Errors;
import io.pluresdb.crdt.error.SqlState;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Whether a connection, statement or result set is still open, and the error its methods raise once
 * it is not.
 *
 * <p>Thread-safe: any thread may close or ask, and exactly one {@link #close()} call wins, so the
 * owner releases its resources once even when a second thread closes it too.
 */
final class Lifecycle {
  private final AtomicBoolean closed = new AtomicBoolean();
  private final SqlState state;
  private final String what;

  /** An open object that, once closed, fails with {@code state}: "the {what} is closed". */
  Lifecycle(SqlState state, String what) {
    this.state = state;
    this.what = what;
  }

  void checkOpen() throws SQLException {
    if (closed.get()) {
      throw Errors.of(state, "the " + what + " is closed");
    }
  }

  /** Marks the object closed; true only for the call that closed it. */
  boolean close() {
    return closed.compareAndSet(false, true);
  }

  boolean isClosed() {
    return closed.get();
  }
}
