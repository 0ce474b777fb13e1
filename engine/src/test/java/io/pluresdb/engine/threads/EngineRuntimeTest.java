package io.pluresdb.engine.threads;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 180, unit = TimeUnit.SECONDS)
class EngineRuntimeTest {

  private static List<String> threadsOf(String name) {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(Thread::isAlive)
        .map(Thread::getName)
        .filter(n -> n.startsWith("pluresdb-") && n.contains("-" + name))
        .toList();
  }

  @Test
  void closeEndsEveryThreadItMade() throws Exception {
    String name = "rt" + System.nanoTime();
    EngineRuntime runtime = new EngineRuntime(name);
    CountDownLatch ran = new CountDownLatch(3);
    runtime.timer().schedule(ran::countDown, 1, TimeUnit.MILLISECONDS);
    runtime.serial().execute(ran::countDown);
    runtime.singleThread("hnsw").execute(ran::countDown);
    CountDownLatch stop = new CountDownLatch(1);
    Thread loop =
        runtime.thread(
            "live",
            () -> {
              try {
                stop.await();
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            });
    loop.start();
    assertThat(ran.await(120, TimeUnit.SECONDS)).isTrue();
    assertThat(threadsOf(name))
        .contains("pluresdb-timeout-" + name, "pluresdb-live-" + name, "pluresdb-hnsw-" + name)
        .anyMatch(n -> n.startsWith("pluresdb-delivery-" + name));

    stop.countDown(); // the service stops its loop, then the runtime closes
    runtime.close();

    // a pool's worker ends just after the pool reports termination: wait for the thread itself
    await().atMost(Duration.ofSeconds(120)).until(() -> threadsOf(name).isEmpty());
  }

  @Test
  void aClosedRuntimeMakesNoMoreThreads() {
    EngineRuntime runtime = new EngineRuntime("closed" + System.nanoTime());
    runtime.close();
    runtime.close(); // idempotent
    assertThatThrownBy(() -> runtime.singleThread("hnsw"))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> runtime.thread("live", () -> {}))
        .isInstanceOf(IllegalStateException.class);
  }
}
