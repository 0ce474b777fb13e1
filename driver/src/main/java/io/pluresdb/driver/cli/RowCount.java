package io.pluresdb.driver.cli;

import java.io.PrintStream;
import java.util.concurrent.TimeUnit;
import java.util.function.LongConsumer;
import java.util.function.LongSupplier;

/**
 * The progress of {@code export} and {@code import} on standard error: told the rows done after
 * each row, it prints {@code "12000 rows exported..."} at most once a second, and {@link #finish}
 * the final count. Standard output stays the export's own.
 *
 * <p>Not thread-safe: one command tells it from one thread.
 */
final class RowCount implements LongConsumer {
  private static final long PERIOD_NANOS = TimeUnit.SECONDS.toNanos(1);

  private final PrintStream out;
  private final String verb;
  private final LongSupplier clock;
  private long next;

  /**
   * @param verb what is done to the rows, as in "rows exported"
   * @param clock nanoseconds, as {@link System#nanoTime} counts them
   */
  RowCount(PrintStream out, String verb, LongSupplier clock) {
    this.out = out;
    this.verb = verb;
    this.clock = clock;
    this.next = clock.getAsLong() + PERIOD_NANOS;
  }

  /** A count printing to standard error. */
  static RowCount onStandardError(String verb) {
    return new RowCount(System.err, verb, System::nanoTime);
  }

  @Override
  public void accept(long rows) {
    long now = clock.getAsLong();
    if (now - next >= 0) {
      out.println(rows + " rows " + verb + "...");
      next = now + PERIOD_NANOS;
    }
  }

  /** Prints the final count: {@code "3 rows exported"} and what {@code where} adds. */
  void finish(long rows, String where) {
    out.println(rows + " rows " + verb + where);
  }
}
