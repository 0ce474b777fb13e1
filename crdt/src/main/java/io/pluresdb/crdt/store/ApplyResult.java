package io.pluresdb.crdt.store;

import io.pluresdb.crdt.clock.HybridLogicalClock;
import io.pluresdb.crdt.clock.OpId;
import io.pluresdb.crdt.error.Errors;
import io.pluresdb.crdt.error.SqlState;
import java.sql.SQLException;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * What {@link Store#applyRemote} did: applied the call (with counts of what happened to each
 * transaction), or refused it whole for a clock stamped too far ahead, a forged authorship or a
 * value that fits its column in no way. The refusal is a value, not an exception, because the
 * caller has someone to tell (replication closes the session with a reason that says so); callers
 * with no one to tell use {@link #orThrow}.
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
   * @param pending transactions of the call kept waiting (parked) for what they miss
   * @param parked of those, the ones that were not parked before the call (a transaction received
   *     again while parked is pending but not newly parked)
   */
  record Applied(int applied, int duplicates, int pending, int parked) implements ApplyResult {
    @Override
    public Applied orThrow() {
      return this;
    }
  }

  /**
   * The call was refused and nothing of it was written: an operation carries a value that fits no
   * type its column was ever declared with, on this node or (through a schema clash) another one,
   * or a key that fits no key the table was ever declared with. Only a broken or hostile sender
   * writes such a value: a node cannot commit it locally, and a value written under a losing
   * declaration of a clash fits that declaration (see {@link io.pluresdb.crdt.schema.TableMerge}).
   *
   * @param tx the transaction, or null when not yet known
   * @param op the operation
   * @param table its table
   * @param column the column, or the key columns for a key that fits no key
   * @param expected the type the column has here
   * @param value the value as text, with its Java class
   */
  record Malformed(
      @Nullable OpId tx, OpId op, String table, String column, String expected, String value)
      implements ApplyResult {
    /** What was refused, naming the table, column, expected type, value and transaction. */
    public String message() {
      return "column '"
          + column
          + "' of table '"
          + table
          + "' is "
          + expected
          + ", got "
          + value
          + " in operation "
          + op
          + (tx == null ? "" : " of transaction " + tx);
    }

    @Override
    public Applied orThrow() throws SQLException {
      throw Errors.of(SqlState.INVALID_CHARACTER_VALUE_FOR_CAST, message());
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
    /**
     * The first transaction of {@code received} stamped further ahead of {@code clock} than its
     * allowed drift, or null when none is (checked before a call takes the writer).
     */
    static ClockDrift first(
        HybridLogicalClock clock, java.util.List<io.pluresdb.crdt.op.ReceivedTx> received) {
      long allowed = clock.maxDrift().toMillis();
      for (io.pluresdb.crdt.op.ReceivedTx r : received) {
        long ahead = clock.aheadMillis(r.tx().lastId());
        if (ahead > allowed) {
          return new ClockDrift(r.tx().lastId(), ahead, allowed);
        }
      }
      return null;
    }

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
