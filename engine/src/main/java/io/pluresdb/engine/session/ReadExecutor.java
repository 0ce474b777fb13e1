package io.pluresdb.engine.session;

import io.pluresdb.crdt.store.Store;
import io.pluresdb.crdt.store.WriteTxn;
import io.pluresdb.engine.api.Cursor;
import io.pluresdb.engine.exec.Binder;
import io.pluresdb.engine.exec.SessionCounters;
import io.pluresdb.engine.vector.HnswIndexes;
import io.pluresdb.engine.vector.TopKSearch;
import io.pluresdb.sql.read.ReadPlan;
import io.pluresdb.sql.vector.VectorTopK;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.ScheduledFuture;

/**
 * Runs a session's reads on SQLite: on its own lazily opened reader connection, or inside a
 * transaction on the store's writer connection, so that the transaction sees its own writes. Keeps
 * the reader's prepared statements; the writer's belong to the {@link TransactionScope}.
 *
 * <p>Not thread-safe: used by its session's one caller at a time.
 */
final class ReadExecutor {
  private final Store store;
  private final TransactionScope scope;
  private final Interrupter interrupts;
  private final StatementCache statements = new StatementCache(64);
  private final SessionCounters counters;
  private Connection reader;

  ReadExecutor(
      Store store, TransactionScope scope, Interrupter interrupts, SessionCounters counters) {
    this.counters = counters;
    this.store = store;
    this.scope = scope;
    this.interrupts = interrupts;
  }

  /**
   * The rows of a pushed-down query. The cursor owns the statement, and the timer, which it cancels
   * when it is closed.
   */
  Cursor query(ReadPlan plan, List<Object> params, long maxRows, ScheduledFuture<?> timer)
      throws SQLException {
    WriteTxn txn = scope.open();
    StatementCache cache = txn == null ? statements : scope.statements();
    PreparedStatement ps =
        cache.acquire(txn == null ? reader() : txn.connection(), plan.sqliteSql());
    boolean ok = false;
    try {
      Binder.bind(ps, plan, params, counters);
      interrupts.running(ps);
      ResultSet rs;
      try {
        rs = ps.executeQuery();
      } catch (SQLException e) {
        throw interrupts.map(e);
      }
      ok = true;
      return new SqliteCursor(
          rs,
          plan.columns(),
          plan.exactScale(),
          maxRows,
          interrupts::map,
          () -> {
            interrupts.running(null);
            if (timer != null) {
              timer.cancel(false);
            }
            cache.release(ps);
          });
    } finally {
      if (!ok) {
        interrupts.running(null);
        cache.discard(ps);
      }
    }
  }

  /**
   * A top-k query, through its HNSW index when that can answer it. The search may run several
   * statements; the timer covers them all and is cancelled when the rows are read.
   */
  Cursor topK(
      VectorTopK topK,
      HnswIndexes indexes,
      int efSearch,
      List<Object> params,
      long maxRows,
      ScheduledFuture<?> timer)
      throws SQLException {
    try {
      Cursor rows =
          TopKSearch.execute(
              topK,
              indexes,
              scope.open() != null,
              store.lastSeq(),
              efSearch,
              params,
              // the candidates come unordered: a row limit applies only to the ordered rows
              (plan, values) -> query(plan, values, 0, null));
      return maxRows > 0 ? new LimitedCursor(rows, maxRows) : rows;
    } finally {
      if (timer != null) {
        timer.cancel(false);
      }
    }
  }

  /** The session's own SQLite connection, which also holds its TEMP objects (see TempObjects). */
  Connection reader() throws SQLException {
    if (reader == null) {
      reader = store.openReader();
    }
    return reader;
  }

  /** Closes the reader's statements and the reader. */
  void close() throws SQLException {
    try {
      statements.closeAll();
    } finally {
      if (reader != null) {
        reader.close();
      }
    }
  }
}
