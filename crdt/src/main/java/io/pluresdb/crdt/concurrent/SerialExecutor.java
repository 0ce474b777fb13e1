package io.pluresdb.crdt.concurrent;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs tasks one at a time, in submission order, on a shared pool (the serial executor of {@link
 * Executor}'s javadoc): each replication session and each live-query consumer gets one, so it is
 * never called concurrently while many of them share few threads. A task that throws is logged and
 * the tasks after it still run, so one failing callback cannot stall its consumer.
 *
 * <p>Thread-safe: any thread may submit; the queue is lock-free and {@code scheduled} makes sure at
 * most one drain runs at a time.
 */
public final class SerialExecutor implements Executor {
  private static final Logger LOG = LoggerFactory.getLogger(SerialExecutor.class);

  private final Executor pool;
  private final Queue<Runnable> tasks = new ConcurrentLinkedQueue<>();
  private final AtomicBoolean scheduled = new AtomicBoolean();

  public SerialExecutor(Executor pool) {
    this.pool = pool;
  }

  @Override
  public void execute(Runnable task) {
    tasks.add(task);
    schedule();
  }

  private void schedule() {
    if (!tasks.isEmpty() && scheduled.compareAndSet(false, true)) {
      try {
        pool.execute(this::drain);
      } catch (RuntimeException rejected) {
        // the pool is shutting down: nothing more will run on this executor
        scheduled.set(false);
        tasks.clear();
      }
    }
  }

  private void drain() {
    try {
      Runnable task;
      while ((task = tasks.poll()) != null) {
        try {
          task.run();
        } catch (RuntimeException | LinkageError | AssertionError e) {
          LOG.error("a serial task failed; the tasks after it still run", e);
        }
      }
    } finally {
      scheduled.set(false);
      // a task submitted between the last poll and the reset must not be stranded
      schedule();
    }
  }
}
