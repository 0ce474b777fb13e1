package io.pluresdb.engine.api;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.jspecify.annotations.Nullable;

/**
 * The statements running on one engine now: when each began and the store's log position then, so a
 * watcher (the shell's live counter) can tell how long the oldest has run and how many transactions
 * were committed since.
 *
 * <p>Thread-safe: statements begin and end on their own threads, a watcher reads from another; the
 * runs live in a concurrent map.
 */
public final class Activity {
  /** One statement's run: when it began ({@link System#nanoTime}) and the log position then. */
  public record Run(long startNanos, long startSeq) {}

  private final LongSupplier clock;
  private final LongSupplier lastSeq;
  private final AtomicLong ids = new AtomicLong();
  private final Map<Long, Run> runs = new ConcurrentHashMap<>();
  private final Runnable ended;

  /**
   * Runs timed by {@code clock} (nanoseconds), log positions read from {@code lastSeq}; {@code
   * ended} is called on a statement's thread once its run is over, before the statement returns (so
   * a live counter can erase its line before the shell prints the result).
   */
  public Activity(LongSupplier clock, LongSupplier lastSeq, Runnable ended) {
    this.clock = clock;
    this.lastSeq = lastSeq;
    this.ended = ended;
  }

  /** Marks a statement as running until the returned handle is closed. */
  public Running begin() {
    long id = ids.incrementAndGet();
    runs.put(id, new Run(clock.getAsLong(), lastSeq.getAsLong()));
    return () -> {
      if (runs.remove(id) != null) {
        ended.run();
      }
    };
  }

  /** How many statements run now. */
  public int running() {
    return runs.size();
  }

  /** The statement that has run longest, or null when none runs. */
  public @Nullable Run oldest() {
    @Nullable Run oldest = null;
    for (Run r : runs.values()) {
      if (oldest == null || r.startNanos() - oldest.startNanos() < 0) {
        oldest = r;
      }
    }
    return oldest;
  }

  /** A running statement's handle: closing it ends the run (once is enough; more do nothing). */
  @FunctionalInterface
  public interface Running extends AutoCloseable {
    @Override
    void close();
  }
}
