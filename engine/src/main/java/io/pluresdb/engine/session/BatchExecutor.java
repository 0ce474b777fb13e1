package io.pluresdb.engine.session;

import io.pluresdb.crdt.error.Errors;
import io.pluresdb.crdt.error.SqlState;
import io.pluresdb.crdt.store.Store;
import io.pluresdb.crdt.store.WriteTxn;
import io.pluresdb.engine.api.BatchResult;
import io.pluresdb.engine.api.Cursor;
import io.pluresdb.engine.api.ListCursor;
import io.pluresdb.engine.api.Result;
import io.pluresdb.engine.exec.SessionCounters;
import io.pluresdb.engine.exec.WriteExecutor;
import io.pluresdb.engine.exec.WriteResult;
import io.pluresdb.sql.plan.Plan;
import io.pluresdb.sql.read.ColumnMeta;
import java.sql.BatchUpdateException;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ScheduledFuture;

/**
 * Executes a prepared statement once per parameter row. A plain write runs all its rows in one
 * write transaction, each row atomic on its own; any other statement runs row by row as separate
 * executions.
 *
 * <p>Not thread-safe: used by its session's one caller at a time.
 */
final class BatchExecutor {
  /** One execution of the statement with one row of parameters. */
  @FunctionalInterface
  interface Single {
    Result execute(List<Object> row) throws SQLException;
  }

  private final Store store;
  private final TransactionScope scope;
  private final Interrupter interrupts;
  private final SessionCounters counters;

  BatchExecutor(
      Store store, TransactionScope scope, Interrupter interrupts, SessionCounters counters) {
    this.counters = counters;
    this.store = store;
    this.scope = scope;
    this.interrupts = interrupts;
  }

  /**
   * The rows of a plain write in one transaction: the session's, or its own, which is committed at
   * the end also when a row fails, so that the rows before it stay as per-row commits would.
   */
  BatchResult writes(
      Plan.Write w,
      List<List<Object>> rows,
      List<String> generatedKeys,
      int timeoutSeconds,
      Duration writerWait)
      throws SQLException {
    interrupts.reset();
    ScheduledFuture<?> timer = timeoutSeconds > 0 ? interrupts.timeoutAfter(timeoutSeconds) : null;
    boolean own = scope.eachStatementCommits();
    WriteTxn t = own ? store.beginWrite(writerWait) : scope.transaction(writerWait);
    long[] counts = new long[rows.size()];
    List<Object[]> keys = new ArrayList<>();
    List<ColumnMeta> keyColumns = List.of();
    boolean needsMark = !w.kind().singleOperation();
    int i = 0;
    try {
      for (; i < counts.length; i++) {
        List<Object> row = rows.get(i);
        WriteResult r =
            TransactionScope.atomically(
                t,
                needsMark,
                x ->
                    new WriteExecutor(x, row, timeoutSeconds, interrupts::running, counters)
                        .execute(w.kind(), generatedKeys));
        counters.record(r);
        counts[i] = r.count();
        keyColumns = r.keyColumns();
        keys.addAll(r.keys());
      }
    } catch (SQLException e) {
      SQLException cause = interrupts.map(e);
      finish(own, t);
      throw failure(i, counts, cause);
    } catch (RuntimeException e) {
      if (own) {
        t.close();
      }
      throw e;
    } finally {
      if (timer != null) {
        timer.cancel(false);
      }
    }
    finish(own, t);
    return new BatchResult(counts, generatedKeys == null ? null : new ListCursor(keyColumns, keys));
  }

  /** Commits (and ends) a batch's own auto-commit transaction; a session transaction stays open. */
  private static void finish(boolean own, WriteTxn t) throws SQLException {
    if (own) {
      try (t) {
        t.commit();
      }
    }
  }

  /** A batch of statements that are not plain writes: each row executed as its own statement. */
  static BatchResult each(
      String sql, List<List<Object>> rows, List<String> generatedKeys, Single single)
      throws SQLException {
    long[] counts = new long[rows.size()];
    List<Object[]> keys = new ArrayList<>();
    List<ColumnMeta> keyColumns = List.of();
    for (int i = 0; i < counts.length; i++) {
      try {
        Result r = single.execute(rows.get(i));
        if (!(r instanceof Result.Count c)) {
          ((Result.Rows) r).cursor().close();
          throw Errors.of(
              SqlState.FUNCTION_SEQUENCE_ERROR, "a statement in a batch returned rows: " + sql);
        }
        counts[i] = c.count();
        if (c.generatedKeys() != null) {
          keyColumns = collect(c.generatedKeys(), keys);
        }
      } catch (SQLException e) {
        throw failure(i, counts, e);
      }
    }
    return new BatchResult(counts, generatedKeys == null ? null : new ListCursor(keyColumns, keys));
  }

  /** Reads and closes a cursor of generated keys into {@code out}; its columns. */
  private static List<ColumnMeta> collect(Cursor keys, List<Object[]> out) throws SQLException {
    try (keys) {
      List<ColumnMeta> columns = keys.columns();
      while (keys.next()) {
        Object[] row = new Object[columns.size()];
        for (int j = 0; j < row.length; j++) {
          row[j] = keys.get(j + 1);
        }
        out.add(row);
      }
      return columns;
    }
  }

  /** The failure of batch row {@code index}, with the counts of the rows before it. */
  private static BatchUpdateException failure(int index, long[] counts, SQLException cause) {
    return new BatchUpdateException(
        "batch item " + (index + 1) + " failed: " + cause.getMessage(),
        cause.getSQLState(),
        cause.getErrorCode(),
        Arrays.copyOf(counts, index),
        cause);
  }
}
