package io.pluresdb.engine.api;

import io.pluresdb.crdt.schema.Catalog;
import io.pluresdb.sql.plan.Prepared;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;

/**
 * One connection's view of the database: its transaction state, its SQLite read connection and its
 * prepared SQLite statements.
 *
 * <p>Not thread-safe: called by one JDBC connection at a time, except {@link #cancel()}, which any
 * thread may call.
 */
public interface Session extends AutoCloseable {

  /**
   * Plans (or fetches from the cache) a statement; SQL errors surface here with their state. The
   * handle carries the plan and the catalog it was planned for, so executing it does not plan again
   * unless the catalog has changed since.
   */
  Planned prepare(String sql) throws SQLException;

  /**
   * Executes a prepared statement with the plan it carries (planned again first only when the
   * session's catalog is no longer the one it was planned for).
   *
   * @param params canonical-or-JDBC values for the dynamic parameters, in order
   * @param generatedKeys column names whose generated values to return with an update count, or
   *     null for none; an empty list means "the table's identity/key columns"
   * @param timeoutSeconds 0 for none; past it the statement fails with 57014
   * @param maxRows 0 for no limit
   */
  Result execute(
      Planned statement,
      List<Object> params,
      List<String> generatedKeys,
      int timeoutSeconds,
      long maxRows)
      throws SQLException;

  /**
   * Executes a prepared write once per parameter row: planned once, and run in one write
   * transaction. In auto-commit mode that transaction is committed at the end — also when a row
   * fails, so that the rows before it stay committed exactly as per-row commits would leave them. A
   * failing row leaves no trace; the failure is a {@link java.sql.BatchUpdateException} whose
   * update counts are those of the rows before it and whose cause is the row's SQLException.
   */
  BatchResult executeBatch(
      Planned statement, List<List<Object>> rows, List<String> generatedKeys, int timeoutSeconds)
      throws SQLException;

  /**
   * Sets how long a write waits for the store's single writer before failing with 55P03; a
   * statement's query timeout, when set and shorter, caps the wait. Defaults to 30 seconds; a null
   * or negative wait fails with 22023.
   */
  void setWriterWait(Duration wait) throws SQLException;

  /**
   * Plans a live subscription to a query ({@code SELECT …}, with or without a leading {@code
   * SUBSCRIBE}) over committed data, without opening it: SQL errors surface here.
   */
  Prepared prepareSubscription(String sql) throws SQLException;

  /**
   * Opens a live subscription to a query ({@code SELECT …}, with or without a leading {@code
   * SUBSCRIBE}) over committed data, for the listener API. Any thread may call it; the session ends
   * the subscription when it closes. SQL errors surface here.
   */
  LiveHandle subscribe(String sql, List<Object> params) throws SQLException;

  /**
   * Sets how many changes a subscription of this session may buffer before its subscriber is sent a
   * RESET and a fresh snapshot instead (default 10,000; at least 1).
   */
  void setLiveBuffer(int changes) throws SQLException;

  /** The session's LISTEN/NOTIFY state and received notifications. */
  Channels channels();

  /**
   * Sets the candidate list size of HNSW searches made by this session's top-k queries (larger is
   * slower and finds the true neighbours more often); 1 to 4096, else 22023.
   */
  void setEfSearch(int ef) throws SQLException;

  /** The session's HNSW candidate list size. */
  int efSearch();

  /** Cancels the statement running on this session, if any (57014). Any thread. */
  void cancel();

  boolean autoCommit();

  /** Switching auto-commit on commits the open transaction, as JDBC requires. */
  void setAutoCommit(boolean autoCommit) throws SQLException;

  void commit() throws SQLException;

  void rollback() throws SQLException;

  boolean readOnly();

  void setReadOnly(boolean readOnly) throws SQLException;

  /** True while a transaction holds uncommitted writes. */
  boolean inTransaction();

  /** The schema as this session sees it (its own uncommitted DDL included). */
  Catalog catalog();

  /** Rolls back any open transaction and releases the session's connections. */
  @Override
  void close() throws SQLException;
}
