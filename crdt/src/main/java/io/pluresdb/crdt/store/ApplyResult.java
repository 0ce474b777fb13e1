package io.pluresdb.crdt.store;

import io.pluresdb.crdt.clock.HybridLogicalClock;
import io.pluresdb.crdt.clock.OpId;
import io.pluresdb.crdt.error.Errors;
import io.pluresdb.crdt.error.SqlState;
import java.sql.SQLException;
import java.util.Locale;

/**
 * What {@link Store#applyRemote} did: applied the call (with counts of what happened to each
 * transaction), or refused it whole for a clock stamped too far ahead or a forged authorship. The
 * refusal is a value, not an exception, because the caller has someone to tell (replication closes
 * the session with a reason that says so); callers with no one to tell use {@link #orThrow}.
 */
public sealed interface ApplyResult {

  /**
   * The counts of an applied call, or SQLState 22008 for a {@link ClockDrift} refusal and 28000 for
   * a {@link Forged} one (nothing was written either way but the call's own transactions).
   */
  Applied orThrow() throws SQLException;

  /**
   * The call was applied.
   *
   * @param applied transactions newly applied
   * @param duplicates transactions already held, ignored
   * @param pending transactions kept waiting for missing precursors
   */
  record Applied(int applied, int duplicates, int pending) implements ApplyResult {
    @Override
    public Applied orThrow() {
      return this;
    }
  }

  /**
   * The call was refused before anything was written: an operation is stamped further ahead of this
   * node's clock than the allowed drift, and applying it would drag this node's clock along.
   *
   * @param op the (last) operation of the first transaction found too far ahead
   * @param aheadMillis how far ahead of this node's wall clock it lies
   * @param allowedMillis the allowed drift
   */
  record ClockDrift(OpId op, long aheadMillis, long allowedMillis) implements ApplyResult {
    /** What was refused, naming the operation, its node and both durations. */
    public String message() {
      return HybridLogicalClock.driftMessage(op, aheadMillis, allowedMillis);
    }

    @Override
    public Applied orThrow() throws SQLException {
      throw Errors.of(SqlState.DATETIME_FIELD_OVERFLOW, message());
    }
  }

  /**
   * The call was refused, nothing of it written, because a transaction's authorship does not hold:
   * its signature does not verify against its node's pinned key, another key claims a pinned node,
   * an unsigned record claims a node that signs, or its id is one this node already holds with
   * other content (or, covered by the version vector, does not hold at all). The refusal is
   * recorded in {@code _pl_conflicts} with kind {@code AUTHORSHIP}.
   *
   * @param tx the refused transaction
   * @param reason what is wrong with it
   */
  record Forged(OpId tx, String reason) implements ApplyResult {
    /** What was refused, naming the transaction, its node and the reason. */
    public String message() {
      return String.format(
          Locale.ROOT, "transaction %s of node %012x refused: %s", tx, tx.node(), reason);
    }

    @Override
    public Applied orThrow() throws SQLException {
      throw Errors.of(SqlState.INVALID_AUTHORIZATION, message());
    }
  }
}
