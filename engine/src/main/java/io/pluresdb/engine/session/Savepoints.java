package io.pluresdb.engine.session;

import io.pluresdb.crdt.error.Errors;
import io.pluresdb.crdt.error.SqlState;
import io.pluresdb.crdt.store.WriteTxn;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;

/**
 * A session's named savepoints ({@code SAVEPOINT}, {@code RELEASE}, {@code ROLLBACK TO}) with
 * SQLite's meaning: a savepoint set outside a transaction begins one, and releasing that outermost
 * savepoint commits it; names may repeat, the newest one counts; names are case-insensitive. Each
 * savepoint is a mark of the write transaction ({@link WriteTxn#mark}), whose rollback undoes the
 * rows, operations and changes written since, so the log, replication and live queries only see
 * what commits. A savepoint set before the transaction's first write has no mark: rolling back to
 * it discards the whole write transaction (the session's transaction stays open).
 *
 * <p>Not thread-safe: part of one session's {@link TransactionScope}.
 */
final class Savepoints {
  private static final int NO_MARK = -1;

  private record Named(String name, int mark, boolean begins, int tempMark) {}

  private final Deque<Named> stack = new ArrayDeque<>(); // the newest first

  /**
   * Sets a savepoint; {@code begins} when it begins the transaction; {@code tempMark} marks the
   * TEMP changes (see TempObjects#mark).
   */
  void set(String name, WriteTxn txn, boolean begins, int tempMark) throws SQLException {
    stack.push(new Named(key(name), txn == null ? NO_MARK : txn.mark(), begins, tempMark));
  }

  /** The TEMP mark of the newest savepoint of this name (42000-class 3B001 if none). */
  int tempMark(String name, String command) throws SQLException {
    return find(name, command).tempMark();
  }

  /**
   * Releases the savepoint and those set after it, keeping their writes; true when it began the
   * transaction, which the caller then commits.
   */
  boolean release(String name, WriteTxn txn) throws SQLException {
    Named n = find(name, "RELEASE");
    if (n.mark() != NO_MARK && txn != null) {
      txn.release(n.mark());
    }
    while (stack.pop() != n) {
      // the savepoints set after it go with it
    }
    return n.begins();
  }

  /**
   * Undoes the writes made since the savepoint, which stays set, and forgets the savepoints set
   * after it; true when it was set before the transaction's first write, so the caller discards the
   * whole write transaction.
   */
  boolean rollbackTo(String name, WriteTxn txn) throws SQLException {
    Named n = find(name, "ROLLBACK TO");
    while (stack.peek() != n) {
      stack.pop();
    }
    if (txn == null) {
      return false;
    }
    if (n.mark() == NO_MARK) {
      return true;
    }
    txn.rollbackTo(n.mark());
    return false;
  }

  /** Forgets every savepoint (the transaction ended). */
  void clear() {
    stack.clear();
  }

  private Named find(String name, String command) throws SQLException {
    String key = key(name);
    for (Named n : stack) {
      if (n.name().equals(key)) {
        return n;
      }
    }
    throw Errors.of(
        SqlState.INVALID_SAVEPOINT_SPECIFICATION,
        command + " " + name + ": no such savepoint" + (stack.isEmpty() ? " (none is set)" : ""));
  }

  private static String key(String name) {
    return name.toLowerCase(Locale.ROOT);
  }
}
