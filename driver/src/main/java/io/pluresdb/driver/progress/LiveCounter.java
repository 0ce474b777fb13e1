package io.pluresdb.driver.progress;

import io.pluresdb.driver.engine.Engine;
import io.pluresdb.driver.engine.EngineRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The shell's live counter: while a statement has run longer than {@link #SHOW_AFTER_NANOS}, one
 * line on the terminal, redrawn in place ({@code \r}) four times a second with {@link
 * ProgressLine}'s text, and erased when the statement ends.
 *
 * <p>Thread-safety: {@link #tick} runs on the counter's own daemon thread (or, in tests, on the
 * caller's); {@link #close} stops that thread before it erases the line, so the on-screen width is
 * only ever touched by one thread at a time.
 */
public final class LiveCounter implements AutoCloseable {
  /** A statement shorter than this draws nothing. */
  static final long SHOW_AFTER_NANOS = TimeUnit.SECONDS.toNanos(1);

  private static final long PERIOD_MILLIS = 250;

  private final Supplier<Progress> source;
  private final Writer out;
  private ScheduledExecutorService timer;
  private int shown; // width of the line on screen; 0 when none is

  /** A counter drawing {@code source} to {@code out} when {@link #tick} is called (test seam). */
  LiveCounter(Supplier<Progress> source, Writer out) {
    this.source = source;
    this.out = out;
  }

  /** Starts a counter over every database open in this JVM, drawing to {@code out}. */
  public static LiveCounter start(Writer out) {
    LiveCounter c = new LiveCounter(LiveCounter::openDatabases, out);
    c.timer =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "pluresdb-live-counter");
              t.setDaemon(true);
              return t;
            });
    c.timer.scheduleAtFixedRate(
        c::tickQuietly, PERIOD_MILLIS, PERIOD_MILLIS, TimeUnit.MILLISECONDS);
    return c;
  }

  /** Draws, redraws or erases the line as the progress now asks. */
  void tick() throws IOException {
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
  public void close() throws IOException {
    if (timer != null) {
      timer.shutdownNow();
      try {
        timer.awaitTermination(1, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    erase();
  }

  private void erase() throws IOException {
    if (shown > 0) {
      out.write("\r" + " ".repeat(shown) + "\r");
      shown = 0;
      out.flush();
    }
  }

  private void tickQuietly() {
    try {
      tick();
    } catch (IOException e) {
      // the terminal is gone: throwing ends the schedule, as nothing is left to draw on
      throw new UncheckedIOException(e);
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
