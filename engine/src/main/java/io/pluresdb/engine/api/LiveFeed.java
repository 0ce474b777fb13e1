package io.pluresdb.engine.api;

import java.sql.SQLException;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The consumer's side of a live query's bounded buffer: a result set polls it, a listener pump
 * drains it when told it is ready.
 *
 * <p>Thread-safe: any thread may poll, drain or end it.
 */
public interface LiveFeed {
  /** The terminal state: polling returns it once the feed has ended. */
  record End(@Nullable SQLException cause) {}

  /** Called (outside any lock) whenever events arrive or the feed ends: for push consumers. */
  void onReady(Runnable callback);

  /**
   * The next event, an {@link End} once ended, or null when none came within {@code timeoutNanos}
   * (negative: wait without limit).
   */
  @Nullable Object poll(long timeoutNanos) throws InterruptedException;

  /** Up to {@code max} buffered events without waiting (empty when none or ended). */
  List<LiveEvent> drain(long max);

  /** The terminal state once ended and nothing is buffered, else null. */
  @Nullable End endState();

  /** True once the feed has ended. */
  boolean ended();

  /** Events buffered now (for tests and diagnostics). */
  int buffered();
}
