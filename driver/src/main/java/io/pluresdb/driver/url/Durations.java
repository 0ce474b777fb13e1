package io.pluresdb.driver.url;

import java.time.Duration;

/**
 * The text of a duration property ({@code history_retention}): digits and a unit {@code d}, {@code
 * h}, {@code m}, {@code s} or {@code ms}; bare digits count seconds.
 */
final class Durations {
  private Durations() {}

  /** True when {@code text} (trimmed, lower case) is a duration. */
  static boolean valid(String text) {
    return text.matches("[0-9]{1,12}(ms|s|m|h|d)?");
  }

  /** The duration {@code text} names; the caller checked it with {@link #valid}. */
  static Duration parse(String text) {
    int digits = 0;
    while (digits < text.length() && Character.isDigit(text.charAt(digits))) {
      digits++;
    }
    long n = Long.parseLong(text.substring(0, digits));
    return switch (text.substring(digits)) {
      case "ms" -> Duration.ofMillis(n);
      case "m" -> Duration.ofMinutes(n);
      case "h" -> Duration.ofHours(n);
      case "d" -> Duration.ofDays(n);
      default -> Duration.ofSeconds(n);
    };
  }
}
