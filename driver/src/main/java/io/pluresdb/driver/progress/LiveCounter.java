package io.pluresdb.driver.progress;

import io.pluresdb.engine.EngineRegistry;
import io.pluresdb.engine.api.Engine;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * The shell's live counter: while a statement has run longer than {@link #SHOW_AFTER_NANOS}, one
 * line on the terminal, redrawn in place ({@code \r}) four times a second with {@link
 * ProgressLine}'s text, and erased when the statement ends: on the statement's own thread, before
 * the shell prints its result, so the result never lands on the counter's line.
 *
 * <p>Thread-safety: {@link #tick} runs on the counter's own daemon thread (or, in tests, on the
 * caller's), the erasing on a statement's thread; both hold this counter's monitor, and the erasing
 * comes after the run was removed, so a tick that drew from a stale snapshot is always erased.
 */
public final class LiveCounter implements AutoCloseable {
  /** A statement shorter than this draws nothing. */
  static final long SHOW_AFTER_NANOS = TimeUnit.SECONDS.toNanos(1);

  private static final long PERIOD_MILLIS = 250;

  private final Supplier<Progress> source;
  private final PrintWriter out;
  private @Nullable ScheduledExecutorService timer; // set by start, before the counter is shared
  private final Runnable erasing = this::erase; // one reference, to remove it again
  private int shown; // width of the line on screen, 0 when none is; guarded by this

  /** A counter drawing {@code source} to {@code out} when {@link #tick} is called (test seam). */
  LiveCounter(Supplier<Progress> source, PrintWriter out) {
    this.source = source;
    this.out = out;
  }

  /** Starts a counter over every database open in this JVM, drawing to {@code out}. */
  public static LiveCounter start(PrintWriter out) {
    LiveCounter c = new LiveCounter(LiveCounter::openDatabases, out);
    EngineRegistry.global().addStatementEndListener(c.erasing);
    c.timer =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "pluresdb-live-counter");
              t.setDaemon(true);
              return t;
            });
    c.timer.scheduleAtFixedRate(c::tick, PERIOD_MILLIS, PERIOD_MILLIS, TimeUnit.MILLISECONDS);
    return c;
  }

  /** Draws, redraws or erases the line as the progress now asks. */
  synchronized void tick() {
    Progress p = source.get();
    if (p.running() > 0 && p.elapsedNanos() >= SHOW_AFTER_NANOS) {
      String text = ProgressLine.format(p);
      // pad over the rest of a longer previous line
      out.write("\r" + text + " ".repeat(Math.max(0, shown - text.length())));
      shown = text.length();
      out.flush();
    } else {
      erase();
    }
  }

  @Override
  public void close() {
    if (timer != null) {
      EngineRegistry.global().removeStatementEndListener(erasing);
      timer.shutdownNow();
      try {
        timer.awaitTermination(1, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    erase();
  }

  /** Erases the line if one is shown. */
  synchronized void erase() {
    if (shown > 0) {
      out.write("\r" + " ".repeat(shown) + "\r");
      shown = 0;
      out.flush();
    }
  }

  private static Progress openDatabases() {
    long now = System.nanoTime();
    List<Progress> all = new ArrayList<>();
    for (Engine e : EngineRegistry.global().engines()) {
      all.add(Progress.of(e, now));
    }
    return ProgressLine.sum(all);
  }
}
