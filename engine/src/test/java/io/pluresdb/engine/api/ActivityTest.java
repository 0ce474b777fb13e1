package io.pluresdb.engine.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ActivityTest {
  private final AtomicLong clock = new AtomicLong(1_000);
  private final AtomicLong seq = new AtomicLong(40);
  private final AtomicLong ended = new AtomicLong();
  private final Activity activity = new Activity(clock::get, seq::get, ended::incrementAndGet);

  @Test
  void theOldestRunningStatementKeepsItsStartAndLogPosition() {
    assertThat(activity.running()).isZero();
    assertThat(activity.oldest()).isNull();
    Activity.Running first = activity.begin();
    clock.set(2_000);
    seq.set(45);
    try (Activity.Running second = activity.begin()) {
      assertThat(activity.running()).isEqualTo(2);
      assertThat(activity.oldest()).isEqualTo(new Activity.Run(1_000, 40));
      first.close();
      assertThat(ended).hasValue(1);
      assertThat(activity.oldest()).isEqualTo(new Activity.Run(2_000, 45));
    }
    assertThat(activity.running()).isZero();
    first.close(); // a second close changes nothing
    assertThat(activity.oldest()).isNull();
    assertThat(ended).hasValue(2);
  }
}
