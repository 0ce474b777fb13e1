package io.pluresdb.engine.vector;

import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * How far a store's HNSW indexes are current with its log, and whether keeping them current fails:
 * what a query waits on before it trusts an index.
 *
 * <p>Thread-safety: the maintenance thread (and the committing thread, when nothing is indexed)
 * advances it; queries on any thread read it and wait on it. Both fields are volatile so the fast
 * paths read without a lock; {@code lock} only orders the wake-ups of waiters.
 */
final class IndexProgress {
  private volatile long applied = -1; // log position every index reflects; -1 until opened
  private volatile boolean failing;
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition changed = lock.newCondition();

  /** The log position every index reflects; -1 before the indexes are opened. */
  long applied() {
    return applied;
  }

  /** True while maintenance fails: queries then search exactly rather than wait. */
  boolean failing() {
    return failing;
  }

  /** Every index now reflects the log up to {@code seq}; wakes queries waiting for it. */
  void advance(long seq) {
    lock.lock();
    try {
      applied = Math.max(applied, seq);
      changed.signalAll();
    } finally {
      lock.unlock();
    }
  }

  /** Maintenance failed; wakes waiting queries so they search exactly instead. */
  void fail() {
    lock.lock();
    try {
      failing = true;
      changed.signalAll();
    } finally {
      lock.unlock();
    }
  }

  /** A later catch-up succeeded: queries may wait for the indexes again. */
  void recovered() {
    if (failing) {
      failing = false;
    }
  }

  /**
   * Waits until {@code deadlineNanos} (a {@link System#nanoTime} value) for the indexes to reflect
   * {@code seq}; false when they do not by then, or maintenance fails meanwhile.
   */
  boolean await(long seq, long deadlineNanos) throws InterruptedException {
    lock.lock();
    try {
      while (applied < seq && !failing) {
        long left = deadlineNanos - System.nanoTime();
        if (left <= 0) {
          return false;
        }
        changed.awaitNanos(left);
      }
    } finally {
      lock.unlock();
    }
    return applied >= seq;
  }
}
