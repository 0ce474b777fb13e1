package io.pluresdb.sync.replicator;

import java.time.Duration;
import java.util.Random;

/**
 * Delays between reconnection attempts: capped exponential backoff with "equal jitter" (half the
 * delay fixed, half random), so that many clients of a restarted hub do not all return at once (see
 * "Exponential Backoff And Jitter", AWS Architecture Blog, 2015).
 *
 * <p>Thread-safe when its {@link Random} is (java.util.Random is); tests pass a seeded one.
 *
 * @param initial the delay after the first failure
 * @param max the cap
 * @param random the jitter's source
 */
public record Backoff(Duration initial, Duration max, Random random) {
  public Backoff {
    if (initial.isNegative() || initial.isZero() || max.compareTo(initial) < 0) {
      throw new IllegalArgumentException(
          "backoff " + initial + " must be positive and at most its cap " + max);
    }
  }

  /** 100 ms doubling up to 5 s. */
  public static Backoff defaults() {
    return new Backoff(Duration.ofMillis(100), Duration.ofSeconds(5), new Random());
  }

  /** The delay before the next attempt after {@code failures} consecutive failures (0 or more). */
  public Duration delay(int failures) {
    long cap = max.toMillis();
    // shift at most 30 places: the cap is reached long before, and the shift must not overflow
    long exponential = Math.min(cap, initial.toMillis() << Math.min(failures, 30));
    long half = exponential / 2;
    return Duration.ofMillis(half + (half == 0 ? 0 : random.nextLong(half + 1)));
  }
}
