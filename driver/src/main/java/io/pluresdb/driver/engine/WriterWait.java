package io.pluresdb.driver.engine;

import java.sql.SQLException;
import java.time.Duration;

/**
 * The {@code lock_timeout} of the connection executing on this thread: how long its statements
 * wait for the database's single writer. The planner session executes on the caller's thread, so
 * a thread-local scope around each execution carries the connection's setting down to {@link
 * WriterWaitStore#beginWrite} without widening the planner's contract.
 *
 * <p>Thread-safe: the value is confined to the executing thread.
 */
public final class WriterWait {
  private static final ThreadLocal<Duration> LIMIT = new ThreadLocal<>();

  private WriterWait() {}

  /** Work that may begin a write. */
  @FunctionalInterface
  public interface Work<T> {
    T run() throws SQLException;
  }

  /** Runs {@code work} with writes waiting at most {@code limit} for the writer. */
  public static <T> T within(Duration limit, Work<T> work) throws SQLException {
    Duration outer = LIMIT.get();
    LIMIT.set(limit);
    try {
      return work.run();
    } finally {
      if (outer == null) {
        LIMIT.remove();
      } else {
        LIMIT.set(outer);
      }
    }
  }

  /** The shorter of the requested wait and the current thread's limit. */
  static Duration cap(Duration requested) {
    Duration limit = LIMIT.get();
    return limit == null || limit.compareTo(requested) >= 0 ? requested : limit;
  }
}
