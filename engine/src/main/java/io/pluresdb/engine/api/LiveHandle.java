package io.pluresdb.engine.api;

import io.pluresdb.sql.read.ColumnMeta;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.Executor;
import org.jspecify.annotations.Nullable;

/**
 * A subscriber's handle on one live query: the columns it sees, the feed its changes arrive on, and
 * the way to end it.
 *
 * <p>Thread-safe: {@link #close} and {@link #end} may be called from any thread.
 */
public interface LiveHandle extends AutoCloseable {
  /** The columns the subscriber sees (without {@code _change} and {@code _version}). */
  List<ColumnMeta> columns();

  LiveFeed sink();

  /**
   * The executor push consumers deliver this subscription's changes on: one task at a time, in
   * order, on a thread of the engine; a task that throws does not stop the ones after it.
   */
  Executor delivery();

  /** Runs {@code hook} once when the subscription ends, however it ends. */
  void whenEnded(Runnable hook);

  /** Ends the subscription with {@code cause} (null: closed normally). Idempotent. */
  void end(@Nullable SQLException cause);

  /** Ends the subscription normally. Idempotent. */
  @Override
  void close();
}
