package io.pluresdb.crdt.concurrent;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 180, unit = TimeUnit.SECONDS)
class SerialExecutorTest {
  private final ExecutorService pool = Executors.newFixedThreadPool(4);

  @AfterEach
  void stop() {
    pool.shutdownNow();
  }

  @Test
  void aTaskThatThrowsDoesNotStopTheTasksAfterIt() throws InterruptedException {
    SerialExecutor serial = new SerialExecutor(pool);
    CountDownLatch after = new CountDownLatch(2);
    serial.execute(
        () -> {
          throw new IllegalStateException("a consumer's bug");
        });
    serial.execute(after::countDown);
    serial.execute(
        () -> {
          throw new AssertionError("an assertion in a callback");
        });
    serial.execute(after::countDown);
    assertThat(after.await(120, TimeUnit.SECONDS)).isTrue();
  }

  @Test
  void tasksRunOneAtATimeInSubmissionOrder() throws InterruptedException {
    SerialExecutor serial = new SerialExecutor(pool);
    List<Integer> seen = new ArrayList<>(); // unsynchronized on purpose: one task at a time
    AtomicInteger inside = new AtomicInteger();
    AtomicInteger overlaps = new AtomicInteger();
    CountDownLatch done = new CountDownLatch(1);
    int n = 2_000;
    for (int i = 0; i < n; i++) {
      int k = i;
      serial.execute(
          () -> {
            if (inside.incrementAndGet() > 1) {
              overlaps.incrementAndGet();
            }
            seen.add(k);
            inside.decrementAndGet();
            if (k == n - 1) {
              done.countDown();
            }
          });
    }
    assertThat(done.await(120, TimeUnit.SECONDS)).isTrue();
    assertThat(overlaps.get()).isZero();
    assertThat(seen).hasSize(n);
    for (int i = 0; i < n; i++) {
      assertThat(seen.get(i)).isEqualTo(i);
    }
  }

  @Test
  void aShutDownPoolDropsTasksInsteadOfThrowingAtTheCaller() {
    ExecutorService gone = Executors.newSingleThreadExecutor();
    gone.shutdownNow();
    SerialExecutor serial = new SerialExecutor(gone);
    serial.execute(() -> {}); // must not throw at the submitter
  }
}
