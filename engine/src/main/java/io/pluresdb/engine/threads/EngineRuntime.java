package io.pluresdb.engine.threads;

import io.pluresdb.crdt.concurrent.SerialExecutor;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The threads of one engine: every executor and thread the engine's services run on is made here
 * and stopped by {@link #close}, as a pool owns its housekeeping executor. Threads are daemons
 * named {@code pluresdb-<role>-<name>}, so a thread dump says whose they are. The table of a node's
 * threads is in the package documentation.
 *
 * <p>Thread-safe: executors may be made from any thread until the runtime closes; after that a new
 * executor is refused with {@link IllegalStateException}.
 */
public final class EngineRuntime implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(EngineRuntime.class);

  /** How long {@link #close} waits for running tasks before it gives up on them. */
  private static final long CLOSE_WAIT_SECONDS = 10;

  private final String name;
  private final List<ExecutorService> owned = new ArrayList<>(); // guarded by this
  private final List<Thread> threads = new ArrayList<>(); // guarded by this
  private final ScheduledExecutorService timer;
  private final ExecutorService delivery;
  private boolean closed; // guarded by this

  /** A runtime whose threads carry {@code name} (the database or node they serve). */
  public EngineRuntime(String name) {
    this.name = name;
    this.timer = own(Executors.newSingleThreadScheduledExecutor(threads("timeout")));
    this.delivery = own(Executors.newCachedThreadPool(threads("delivery")));
  }

  /** Makes daemon threads named {@code pluresdb-<role>-<name>[-n]}. */
  public ThreadFactory threads(String role) {
    AtomicInteger count = new AtomicInteger();
    return r -> {
      int n = count.incrementAndGet();
      Thread t = new Thread(r, "pluresdb-" + role + "-" + name + (n == 1 ? "" : "-" + n));
      t.setDaemon(true);
      return t;
    };
  }

  /** The timer that enforces query timeouts: short tasks only. */
  public ScheduledExecutorService timer() {
    return timer;
  }

  /**
   * A new executor that runs its tasks one at a time, in order, on the delivery threads (user
   * callbacks: live-query listeners, notification listeners); a task that throws is logged and the
   * tasks after it still run.
   */
  public SerialExecutor serial() {
    return new SerialExecutor(delivery);
  }

  /** A single worker thread for one service (an index maintainer), stopped when this closes. */
  public ExecutorService singleThread(String role) {
    return own(Executors.newSingleThreadExecutor(threads(role)));
  }

  /**
   * A dedicated thread for one service loop (the live-query reactor), not yet started; the service
   * stops its loop when it closes, and this runtime then waits for the thread to end.
   */
  public synchronized Thread thread(String role, Runnable loop) {
    checkOpen();
    Thread t = threads(role).newThread(loop);
    threads.add(t);
    return t;
  }

  /**
   * Stops every executor made here and waits (up to ten seconds) for running tasks and service
   * threads to finish. Call it after the services themselves have closed. Idempotent.
   */
  @Override
  public void close() {
    List<ExecutorService> executors;
    List<Thread> loops;
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
      executors = new ArrayList<>(owned);
      loops = new ArrayList<>(threads);
    }
    for (ExecutorService e : executors) {
      e.shutdownNow();
    }
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(CLOSE_WAIT_SECONDS);
    try {
      for (ExecutorService e : executors) {
        long left = deadline - System.nanoTime();
        if (left <= 0 || !e.awaitTermination(left, TimeUnit.NANOSECONDS)) {
          LOG.warn("threads of {} still busy after close; left to finish as daemons", name);
          return;
        }
      }
      for (Thread t : loops) {
        long left = deadline - System.nanoTime();
        if (t != Thread.currentThread() && left > 0) {
          t.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private synchronized <T extends ExecutorService> T own(T executor) {
    if (closed) {
      executor.shutdownNow();
      throw new IllegalStateException("the threads of " + name + " are closed");
    }
    owned.add(executor);
    return executor;
  }

  private void checkOpen() {
    if (closed) {
      throw new IllegalStateException("the threads of " + name + " are closed");
    }
  }
}
