package io.pluresdb.engine.live;

import io.pluresdb.engine.api.LiveEvent;
import io.pluresdb.engine.api.LiveFeed;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A subscriber's bounded buffer between the reactor (which offers batches) and the consumer (a
 * result set polling it, or a listener pump draining it). When a batch would overflow the buffer,
 * the buffer is emptied and the reactor follows with {@link #reset}: a {@link ChangeKind#RESET} row
 * and a fresh snapshot. So a slow consumer loses intermediate changes but never the current state,
 * and memory stays bounded by the larger of the capacity and the result size.
 *
 * <p>Thread-safe: one reactor thread offers, any thread polls or ends it; the state is guarded by
 * {@code lock}. The ready callback runs after the lock is released, never under it.
 */
public final class LiveSink implements LiveFeed {
  private final int capacity;
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition changed = lock.newCondition();
  private final ArrayDeque<LiveEvent> queue = new ArrayDeque<>();
  private End end; // guarded by lock
  private volatile Runnable onReady = () -> {};

  LiveSink(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("live buffer capacity must be positive: " + capacity);
    }
    this.capacity = capacity;
  }

  /** Called (outside any lock) whenever events arrive or the sink ends: for push consumers. */
  @Override
  public void onReady(Runnable callback) {
    this.onReady = callback;
    callback.run(); // events may have arrived before the callback was set
  }

  /**
   * Adds a batch; returns false, having emptied the buffer, when it does not fit: the caller must
   * then {@link #reset}. An ended sink accepts (and drops) everything.
   */
  boolean offer(List<LiveEvent> batch) {
    if (batch.isEmpty()) {
      return true;
    }
    lock.lock();
    try {
      if (end != null) {
        return true;
      }
      if (queue.size() + batch.size() > capacity) {
        queue.clear();
        return false;
      }
      queue.addAll(batch);
      changed.signalAll();
    } finally {
      lock.unlock();
    }
    onReady.run();
    return true;
  }

  /** Adds the initial snapshot, whatever its size (the buffer bounds changes, not results). */
  void load(List<LiveEvent> snapshot) {
    lock.lock();
    try {
      if (end != null) {
        return;
      }
      queue.addAll(snapshot);
      changed.signalAll();
    } finally {
      lock.unlock();
    }
    onReady.run();
  }

  /** Replaces whatever is buffered by a RESET row and the given snapshot (INITIAL rows). */
  void reset(LiveEvent marker, List<LiveEvent> snapshot) {
    lock.lock();
    try {
      if (end != null) {
        return;
      }
      queue.clear();
      queue.add(marker);
      queue.addAll(snapshot);
      changed.signalAll();
    } finally {
      lock.unlock();
    }
    onReady.run();
  }

  /** Ends the stream (null cause: closed normally); buffered events are dropped. Idempotent. */
  public void end(SQLException cause) {
    lock.lock();
    try {
      if (end != null) {
        return;
      }
      end = new End(cause);
      queue.clear();
      changed.signalAll();
    } finally {
      lock.unlock();
    }
    onReady.run();
  }

  @Override
  public boolean ended() {
    lock.lock();
    try {
      return end != null;
    } finally {
      lock.unlock();
    }
  }

  /**
   * The next event, an {@link End} once ended, or null when none came within {@code timeoutNanos}
   * (negative: wait without limit).
   */
  @Override
  public Object poll(long timeoutNanos) throws InterruptedException {
    lock.lock();
    try {
      long left = timeoutNanos;
      while (queue.isEmpty() && end == null) {
        if (timeoutNanos < 0) {
          changed.await();
        } else {
          if (left <= 0) {
            return null;
          }
          left = changed.awaitNanos(left);
        }
      }
      return end != null ? end : queue.poll();
    } finally {
      lock.unlock();
    }
  }

  /** Up to {@code max} buffered events without waiting (empty when none or ended). */
  @Override
  public List<LiveEvent> drain(long max) {
    lock.lock();
    try {
      List<LiveEvent> out = new ArrayList<>();
      while (out.size() < max && !queue.isEmpty() && end == null) {
        out.add(queue.poll());
      }
      return out;
    } finally {
      lock.unlock();
    }
  }

  /** The terminal state once ended and nothing is buffered, else null. */
  @Override
  public End endState() {
    lock.lock();
    try {
      return end;
    } finally {
      lock.unlock();
    }
  }

  /** Events buffered now (for tests and diagnostics). */
  @Override
  public int buffered() {
    lock.lock();
    try {
      return queue.size();
    } finally {
      lock.unlock();
    }
  }
}
