package io.pluresdb.engine.live;

import java.util.ArrayDeque;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The threads that call user callbacks (live-query listeners, notification listeners): a shared
 * pool of daemon threads, so that neither a committing thread nor the reactor ever waits for user
 * code. Each consumer gets a {@link #serial()} executor, which runs its tasks one at a time in
 * submission order.
 */
public final class Delivery {
  private static final AtomicInteger THREADS = new AtomicInteger();
  private static final ExecutorService POOL =
      Executors.newCachedThreadPool(
          r -> {
            Thread t = new Thread(r, "pluresdb-live-delivery-" + THREADS.incrementAndGet());
            t.setDaemon(true);
            return t;
          });

  private Delivery() {}

  /** A new executor whose tasks run one at a time, in order, on the shared pool. */
  public static Executor serial() {
    return new Serial();
  }

  /** Thread-safe: the task queue and the running flag are guarded by the instance's monitor. */
  private static final class Serial implements Executor {
    private final ArrayDeque<Runnable> tasks = new ArrayDeque<>();
    private boolean running;

    @Override
    public void execute(Runnable task) {
      synchronized (this) {
        tasks.add(task);
        if (running) {
          return;
        }
        running = true;
      }
      POOL.execute(this::drain);
    }

    private void drain() {
      while (true) {
        Runnable next;
        synchronized (this) {
          next = tasks.poll();
          if (next == null) {
            running = false;
            return;
          }
        }
        next.run();
      }
    }
  }
}
