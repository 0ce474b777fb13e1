package io.pluresdb.crdt.store;

import io.pluresdb.crdt.error.Errors;
import io.pluresdb.crdt.error.SqlState;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Holds a fresh node's local writes back while it is trying to reach a peer, until its database
 * identity is settled. The peer settles both ends' identity from the hello, which says "fresh"; a
 * write that made this node the creator of a database of its own meanwhile (its first generated key
 * of a 32-bit column) would contradict what the peer decided, and the two would refuse each other
 * for ever. So writes wait while an attempt to reach a peer is open and the identity is not settled
 * (joined, refused, sealed): a handshake's time (milliseconds), or a refused connection's. A peer
 * that never answers costs the node's writes at most {@link #BUDGET} in all, after which they go
 * ahead as they would with no peer.
 *
 * <p>Thread-safe: guarded by its lock; the settled flag is volatile so that a sealed node's writes
 * pass without locking.
 */
final class JoinGate {
  /** How long local writes may wait in all, over the store's life, for the identity to settle. */
  static final Duration BUDGET = Duration.ofSeconds(30);

  private final ReentrantLock lock = new ReentrantLock();
  private final Condition changed = lock.newCondition();
  private volatile boolean settled;
  private int attempts;
  private long budgetNanos = BUDGET.toNanos();

  /**
   * @param settled whether the identity is sealed already (a node that joined or created its
   *     database never waits)
   */
  JoinGate(boolean settled) {
    this.settled = settled;
  }

  /** The identity is sealed now: writes no longer wait for attempts to end. */
  void settle() {
    if (settled) {
      return;
    }
    lock.lock();
    try {
      settled = true;
      changed.signalAll();
    } finally {
      lock.unlock();
    }
  }

  /**
   * An attempt to reach a peer begins; the returned action ends it (running it again is harmless).
   */
  Runnable attempt() {
    if (settled) {
      return () -> {};
    }
    lock.lock();
    try {
      attempts++;
    } finally {
      lock.unlock();
    }
    AtomicBoolean ended = new AtomicBoolean();
    return () -> {
      if (ended.compareAndSet(false, true)) {
        end();
      }
    };
  }

  private void end() {
    lock.lock();
    try {
      attempts--;
      if (attempts == 0) {
        changed.signalAll();
      }
    } finally {
      lock.unlock();
    }
  }

  /** Waits, before a local write takes the writer, while the identity may still be decided. */
  void pass(String description) throws SQLException {
    if (settled) {
      return;
    }
    lock.lock();
    try {
      while (!settled && attempts > 0 && budgetNanos > 0) {
        // awaitNanos answers what is left of the wait: what it used comes off the budget
        budgetNanos = changed.awaitNanos(budgetNanos);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw Errors.of(
          SqlState.QUERY_CANCELED,
          "interrupted waiting for " + description + " to settle its database identity",
          e);
    } finally {
      lock.unlock();
    }
  }
}
