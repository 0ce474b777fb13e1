package io.pluresdb.sync.replicator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The session pool holds many more sessions than threads: with four times as many tasks scheduled
 * at once as it has threads, it starts no more than its threads, and every task still runs.
 */
class SessionPoolTest {
  private static final Duration WAIT = Duration.ofSeconds(60);

  @Test
  void manyMoreSessionsThanThreadsAllRunOnBoundedThreads() throws Exception {
    ExecutorService pool =
        SessionPool.create(
            r -> {
              Thread t = new Thread(r, "session-pool-test");
              t.setDaemon(true);
              return t;
            });
    int tasks = SessionPool.THREADS * 4;
    CountDownLatch go = new CountDownLatch(1);
    AtomicInteger running = new AtomicInteger();
    AtomicInteger done = new AtomicInteger();
    try {
      for (int i = 0; i < tasks; i++) {
        pool.execute(
            () -> {
              running.incrementAndGet();
              try {
                go.await(60, TimeUnit.SECONDS);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
              done.incrementAndGet();
            });
      }
      await().atMost(WAIT).until(() -> running.get() == SessionPool.THREADS);
      assertThat(((ThreadPoolExecutor) pool).getLargestPoolSize()).isEqualTo(SessionPool.THREADS);
      go.countDown();
      await().atMost(WAIT).until(() -> done.get() == tasks);
      assertThat(((ThreadPoolExecutor) pool).getLargestPoolSize()).isEqualTo(SessionPool.THREADS);
    } finally {
      go.countDown();
      pool.shutdownNow();
    }
  }
}
