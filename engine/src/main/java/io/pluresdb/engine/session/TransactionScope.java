package io.pluresdb.engine.session;

import io.pluresdb.crdt.error.Errors;
import io.pluresdb.crdt.error.SqlState;
import io.pluresdb.crdt.schema.Catalog;
import io.pluresdb.crdt.store.Store;
import io.pluresdb.crdt.store.WriteTxn;
import io.pluresdb.engine.exec.WriteResult;
import io.pluresdb.engine.live.ChannelInbox;
import io.pluresdb.engine.trigger.TriggerFail;
import io.pluresdb.sql.plan.Plan;
import java.sql.SQLException;
import java.time.Duration;

/**
 * The transaction state of one session: auto-commit, an explicit transaction opened by {@code
 * BEGIN}, read-only, and the write transaction itself with the statements prepared on the store's
 * writer connection while it is open. Those statements live only as long as the transaction,
 * because the writer connection is shared by every session and belongs to whichever holds the
 * writer permit.
 *
 * <p>Not thread-safe: used by its session's one caller at a time.
 */
final class TransactionScope {
  /** Work done inside a write transaction. */
  @FunctionalInterface
  interface Work {
    WriteResult run(WriteTxn txn) throws SQLException;
  }

  private final Store store;
  private final Interrupter interrupts;
  private final ChannelInbox channels;

  /** Statements on the writer connection, valid while {@link #txn} is open. */
  private final StatementCache txnStatements = new StatementCache(64);

  private final Savepoints savepoints = new Savepoints();
  private WriteTxn txn;
  private TempObjects temps;
  private boolean autoCommit = true;
  private boolean explicitTransaction;
  private boolean readOnly;

  TransactionScope(Store store, Interrupter interrupts, ChannelInbox channels) {
    this.store = store;
    this.interrupts = interrupts;
    this.channels = channels;
  }

  /** True when each statement commits itself: auto-commit, and no BEGIN in effect. */
  boolean eachStatementCommits() {
    return autoCommit && !explicitTransaction;
  }

  /** The open write transaction, or null. */
  WriteTxn open() {
    return txn;
  }

  /** The statement cache of the open transaction's writer connection. */
  StatementCache statements() {
    return txnStatements;
  }

  /** The schema this session sees: its transaction's own, else the committed one. */
  Catalog catalog() {
    return txn != null ? txn.catalog() : store.catalog();
  }

  /** True when {@code catalog} holds no uncommitted DDL, so plans for it may be shared. */
  boolean committed(Catalog catalog) {
    return txn == null || catalog.version() == store.catalog().version();
  }

  /** The session's transaction, begun now when none is open. */
  WriteTxn transaction(Duration writerWait) throws SQLException {
    if (txn == null) {
      txn = store.beginWrite(writerWait);
    }
    return txn;
  }

  void checkWritable() throws SQLException {
    if (readOnly) {
      throw Errors.of(
          SqlState.READ_ONLY_SQL_TRANSACTION, "cannot execute a write in a read-only session");
    }
  }

  /**
   * Runs work in its own auto-commit transaction or in the session's transaction (see {@link
   * #atomically} for {@code needsMark}).
   */
  WriteResult write(Duration writerWait, Work work, boolean mapErrors, boolean needsMark)
      throws SQLException {
    try {
      if (eachStatementCommits()) {
        try (WriteTxn t = store.beginWrite(writerWait)) {
          WriteResult r;
          try {
            r = work.run(t);
          } catch (SQLException e) {
            if (TriggerFail.in(e)) {
              t.commit(); // FAIL keeps what the statement did before the failing row
            }
            throw e;
          }
          t.commit();
          return r;
        }
      }
      return atomically(transaction(writerWait), needsMark, work);
    } catch (SQLException e) {
      throw mapErrors ? interrupts.map(e) : e;
    }
  }

  /**
   * Runs one statement's work in an open transaction. With {@code needsMark} the work is wrapped in
   * a savepoint, so a failed statement leaves no trace and earlier work stays (statement-level
   * atomicity); without it the work is a single atomic store call, which should not pay the two
   * extra SQLite statements of a savepoint.
   */
  static WriteResult atomically(WriteTxn t, boolean needsMark, Work work) throws SQLException {
    if (!needsMark) {
      return work.run(t);
    }
    int mark = t.mark();
    try {
      WriteResult r = work.run(t);
      t.release(mark);
      return r;
    } catch (SQLException | RuntimeException e) {
      if (!TriggerFail.in(e)) {
        t.rollbackTo(mark);
      }
      t.release(mark);
      throw e;
    }
  }

  /** BEGIN, COMMIT or ROLLBACK, or a savepoint statement (see {@link Savepoints}), sent as SQL. */
  void control(Plan.TxnCommand command, String savepoint) throws SQLException {
    switch (command) {
      case BEGIN -> {
        if ((explicitTransaction || !autoCommit) && txn != null) {
          throw Errors.of(
              SqlState.ACTIVE_SQL_TRANSACTION, "there is already a transaction in progress");
        }
        explicitTransaction = autoCommit;
      }
      case COMMIT -> commit();
      case ROLLBACK -> rollback();
      case SAVEPOINT -> {
        // outside a transaction a savepoint begins one, which releasing it commits (SQLite's rule)
        boolean begins = eachStatementCommits();
        savepoints.set(savepoint, txn, begins, temps == null ? -1 : temps.mark());
        explicitTransaction |= begins;
      }
      case RELEASE -> {
        int tempMark = savepoints.tempMark(savepoint, "RELEASE");
        if (savepoints.release(savepoint, txn)) {
          commit();
        } else if (temps != null) {
          temps.release(tempMark);
        }
      }
      case ROLLBACK_TO -> {
        int tempMark = savepoints.tempMark(savepoint, "ROLLBACK TO");
        if (savepoints.rollbackTo(savepoint, txn)) {
          discardWrites();
        }
        if (temps != null) {
          temps.rollbackTo(tempMark);
        }
      }
    }
  }

  boolean autoCommit() {
    return autoCommit;
  }

  void setAutoCommit(boolean on) throws SQLException {
    if (on && !autoCommit) {
      commit();
    }
    autoCommit = on;
  }

  void commit() throws SQLException {
    WriteTxn t = txn;
    txn = null;
    explicitTransaction = false;
    savepoints.clear();
    boolean committed = false;
    try {
      if (t != null) {
        // The statements go first, while the permit still makes the writer connection this
        // session's; should closing one fail, closing the transaction rolls it back.
        try (t) {
          txnStatements.retire();
          t.commit();
        }
      }
      committed = true;
    } finally {
      endTemps(committed);
    }
    channels.commit();
  }

  void rollback() throws SQLException {
    explicitTransaction = false;
    savepoints.clear();
    channels.rollback();
    try {
      discardWrites();
    } finally {
      endTemps(false);
    }
  }

  /** The session's TEMP objects, whose changes in a transaction end with it. */
  void endsWith(TempObjects temps) {
    this.temps = temps;
  }

  private void endTemps(boolean committed) throws SQLException {
    if (temps != null) {
      temps.transactionEnded(committed);
    }
  }

  /** Rolls back the write transaction, if any; the session's transaction (BEGIN) stays. */
  private void discardWrites() throws SQLException {
    WriteTxn t = txn;
    txn = null;
    if (t != null) {
      try {
        txnStatements.retire();
      } finally {
        t.rollback();
      }
    }
  }

  boolean readOnly() {
    return readOnly;
  }

  void setReadOnly(boolean on) throws SQLException {
    if (on && txn != null) {
      throw Errors.of(
          SqlState.ACTIVE_SQL_TRANSACTION,
          "cannot make the session read-only while a transaction has uncommitted writes");
    }
    readOnly = on;
  }

  /** Rolls back what is open and closes the writer connection's statements. */
  void close() throws SQLException {
    SQLException failure = null;
    try {
      if (txn != null) {
        try {
          txnStatements.retire();
        } finally {
          txn.rollback();
        }
      }
    } catch (SQLException e) {
      failure = e;
    } finally {
      txn = null;
      savepoints.clear();
    }
    try {
      txnStatements.closeAll();
    } catch (SQLException e) {
      failure = Failures.add(failure, e);
    }
    if (failure != null) {
      throw failure;
    }
  }
}
