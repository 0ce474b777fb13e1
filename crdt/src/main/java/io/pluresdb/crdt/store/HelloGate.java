package io.pluresdb.crdt.store;

import io.pluresdb.crdt.error.Errors;
import io.pluresdb.crdt.error.SqlState;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Holds local writes back while a hello this fresh node sent is unanswered. The peer settles the
 * identity of both ends from that hello (which said "fresh"); a write that made this node the
 * creator of a database of its own meanwhile (its first generated key of a 32-bit column) would
 * contradict what the peer decided, and the two would refuse each other for ever. Waiting lasts a
 * handshake (milliseconds); a peer that never answers costs the node's writes at most {@link
 * #BUDGET} in all, after which they go ahead as they would with no peer.
 *
 * <p>Thread-safe: guarded by its lock.
 */
final class HelloGate {
  /** How long local writes may wait in all, over the store's life, for hellos to be answered. */
  static final Duration BUDGET = Duration.ofSeconds(30);

  private final ReentrantLock lock = new ReentrantLock();
  private final Condition settled = lock.newCondition();
  private int pending;
  private long budgetNanos = BUDGET.toNanos();

  /** A hello claiming a fresh identity went out. */
  void opened() {
    lock.lock();
    try {
      pending++;
    } finally {
      lock.unlock();
    }
  }

  /** That hello was answered (joined or refused) or its connection ended. */
  void settled() {
    lock.lock();
    try {
      if (pending > 0) {
        pending--;
      }
      if (pending == 0) {
        settled.signalAll();
      }
    } finally {
      lock.unlock();
    }
  }

  /** Waits, before a local write takes the writer, until no fresh hello is unanswered. */
  void pass(String description) throws SQLException {
    lock.lock();
    try {
      while (pending > 0 && budgetNanos > 0) {
        // awaitNanos answers what is left of the wait: what it used comes off the budget
        budgetNanos = settled.awaitNanos(budgetNanos);
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
