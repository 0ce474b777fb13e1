package io.pluresdb.sync.replicator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.Test;

class BackoffTest {
  private final Backoff backoff =
      new Backoff(Duration.ofMillis(100), Duration.ofSeconds(5), new Random(42));

  @Test
  void delaysDoubleWithinHalfToFullOfTheExponentialStep() {
    for (int failures = 0; failures < 6; failures++) {
      long step = 100L << failures;
      for (int i = 0; i < 50; i++) {
        assertThat(backoff.delay(failures).toMillis()).isBetween(step / 2, step);
      }
    }
  }

  @Test
  void delaysAreCappedHoweverManyFailures() {
    for (int failures : new int[] {6, 10, 31, 64, Integer.MAX_VALUE}) {
      assertThat(backoff.delay(failures).toMillis()).isBetween(2500L, 5000L);
    }
  }

  @Test
  void jitterSpreadsClientsApart() {
    assertThat(
            java.util.stream.IntStream.range(0, 20)
                .mapToLong(i -> backoff.delay(4).toMillis())
                .distinct()
                .count())
        .isGreaterThan(5);
  }

  @Test
  void theSameSeedGivesTheSameDelays() {
    Backoff a = new Backoff(Duration.ofMillis(100), Duration.ofSeconds(5), new Random(7));
    Backoff b = new Backoff(Duration.ofMillis(100), Duration.ofSeconds(5), new Random(7));
    for (int i = 0; i < 10; i++) {
      assertThat(a.delay(i)).isEqualTo(b.delay(i));
    }
  }

  @Test
  void aCapBelowTheFirstDelayIsRefused() {
    assertThatThrownBy(
            () -> new Backoff(Duration.ofSeconds(2), Duration.ofSeconds(1), new Random()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at most its cap");
  }
}
