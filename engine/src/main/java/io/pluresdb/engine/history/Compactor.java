package io.pluresdb.engine.history;

import io.pluresdb.crdt.store.Store;
import io.pluresdb.engine.threads.EngineRuntime;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Background compaction of one engine's store: every {@value #PERIOD_SECONDS} seconds the timer
 * hands a run to a worker thread of its own (unless one is still running), which folds what the
 * retention and the known peers allow (see {@code History#compact}); each batch holds the writer
 * only briefly. A failed run is logged and the next one tries again.
 *
 * <p>Thread-safe: the timer schedules, the worker runs; {@link #close} stops both.
 */
public final class Compactor implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Compactor.class);
  private static final long PERIOD_SECONDS = 10;

  private final Store store;
  private final Duration retention;
  private final ExecutorService worker;
  private final AtomicBoolean running = new AtomicBoolean();
  private final ScheduledFuture<?> tick;
  private volatile boolean closed;

  private Compactor(Store store, Duration retention, EngineRuntime runtime) {
    this.store = store;
    this.retention = retention;
    this.worker = runtime.singleThread("compaction");
    this.tick =
        runtime
            .timer()
            .scheduleWithFixedDelay(this::submit, PERIOD_SECONDS, PERIOD_SECONDS, TimeUnit.SECONDS);
  }

  /** Starts compacting {@code store} in the background, keeping {@code retention} of history. */
  public static Compactor start(Store store, Duration retention, EngineRuntime runtime) {
    return new Compactor(store, retention, runtime);
  }

  private void submit() {
    if (!closed && running.compareAndSet(false, true)) {
      try {
        worker.execute(this::run);
      } catch (java.util.concurrent.RejectedExecutionException e) {
        running.set(false); // the runtime is closing
      }
    }
  }

  private void run() {
    try {
      if (!closed) {
        store.history().compact(retention);
      }
    } catch (SQLException | RuntimeException e) {
      if (!closed) {
        LOG.warn("compaction of node {} failed; it runs again later", store.nodeId(), e);
      }
    } finally {
      running.set(false);
    }
  }

  @Override
  public void close() {
    closed = true;
    tick.cancel(false);
  }
}
