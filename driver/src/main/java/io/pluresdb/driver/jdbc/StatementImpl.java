package io.pluresdb.driver.jdbc;

import io.pluresdb.crdt.error.Errors;
import io.pluresdb.crdt.error.SqlState;
import io.pluresdb.engine.api.Activity;
import io.pluresdb.engine.api.BatchResult;
import io.pluresdb.engine.api.Cursor;
import io.pluresdb.engine.api.Planned;
import io.pluresdb.engine.api.Result;
import io.pluresdb.engine.api.Session;
import java.sql.BatchUpdateException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The PluresDB {@link Statement}: plans through the connection's session and keeps the one current
 * result (rows, or an update count with generated keys). {@link PreparedStatementImpl} reuses its
 * execution core. Long only because {@link Statement} has that many methods; each is a check and
 * one call.
 *
 * <p>Not thread-safe: used by the thread that owns the connection, except {@link #cancel()} and
 * {@link #close()}, which any thread may call ({@code running} is volatile, {@link Lifecycle}
 * thread-safe).
 */
public class StatementImpl implements Statement, SelfWrapper {
  final ConnectionImpl connection;
  final Session session;
  private final int resultSetType;
  int concurrency = ResultSet.CONCUR_READ_ONLY; // set once, right after construction
  private final Lifecycle lifecycle =
      new Lifecycle(SqlState.OBJECT_NOT_IN_PREREQUISITE_STATE, "statement");
  private volatile boolean running;
  private volatile Cursor live; // the current SUBSCRIBE cursor, which cancel() ends
  private ResultSetImpl resultSet;
  private long updateCount = -1;
  private GeneratedKeys keys = GeneratedKeys.NONE;
  private int queryTimeout;
  private long maxRows;
  private int fetchSize;
  private int fetchDirection = ResultSet.FETCH_FORWARD;
  private int maxFieldSize;
  private boolean poolable;
  private boolean closeOnCompletion;
  private SQLWarning warnings;
  private final List<String> batch = new ArrayList<>();

  StatementImpl(ConnectionImpl connection, int resultSetType) {
    this.connection = connection;
    this.session = connection.session();
    this.resultSetType = resultSetType;
  }

  final void checkOpen() throws SQLException {
    lifecycle.checkOpen();
    connection.checkOpen();
  }

  final Planned prepare(String sql) throws SQLException {
    checkOpen();
    if (sql == null || sql.isBlank()) {
      throw Errors.of(SqlState.SYNTAX_ERROR, "the SQL statement is empty");
    }
    return session.prepare(sql);
  }

  /** Runs a planned statement; true when it produced rows. */
  final boolean run(Planned p, List<Object> params, List<String> keyColumns) throws SQLException {
    keys = GeneratedKeys.NONE;
    return runKeepingKeys(p, params, keyColumns);
  }

  /** Forgets the generated keys, before the first item of a batch. */
  final void resetGeneratedKeys() {
    keys = GeneratedKeys.NONE;
  }

  /** Runs one item of a batch: its generated keys add to those of the items before it. */
  final boolean runKeepingKeys(Planned p, List<Object> params, List<String> keyColumns)
      throws SQLException {
    checkOpen();
    clearResults();
    Result r;
    running = true;
    try (Activity.Running run = connection.activity().begin()) {
      r = session.execute(p, params, keyColumns, queryTimeout, maxRows);
    } finally {
      running = false;
    }
    if (r instanceof Result.Rows rows) {
      resultSet = newResultSet(rows.cursor());
      live = rows.cursor().unbounded() ? rows.cursor() : null;
      return true;
    }
    Result.Count count = (Result.Count) r;
    updateCount = count.count();
    if (count.generatedKeys() != null) {
      keys = keys.plus(MaterializedRows.of(count.generatedKeys(), 0));
    }
    return false;
  }

  /**
   * Runs a prepared write once per parameter row through the session's batch path (planned once,
   * one transaction); the rows' generated keys become this statement's.
   */
  final BatchResult runBatch(Planned p, List<List<Object>> rows, List<String> keyColumns)
      throws SQLException {
    checkOpen();
    clearResults();
    BatchResult r;
    running = true;
    try (Activity.Running run = connection.activity().begin()) {
      r = session.executeBatch(p, rows, keyColumns, queryTimeout);
    } finally {
      running = false;
    }
    if (r.generatedKeys() != null) {
      keys = keys.plus(MaterializedRows.of(r.generatedKeys(), 0));
    }
    updateCount = -1;
    return r;
  }

  private ResultSetImpl newResultSet(Cursor cursor) throws SQLException {
    if (concurrency == ResultSet.CONCUR_UPDATABLE && !cursor.unbounded()) {
      return updatable(cursor);
    }
    // A live cursor never ends, so it is streamed even where scrolling was asked for.
    RowSource rows =
        resultSetType == ResultSet.TYPE_FORWARD_ONLY || cursor.unbounded()
            ? new StreamingRows(cursor, maxRows)
            : MaterializedRows.of(cursor, maxRows);
    ResultSetImpl rs = new ResultSetImpl(this, rows, resultSetType);
    rs.setFetchSize(fetchSize);
    return rs;
  }

  /**
   * An updatable result set: its rows are read first, so that its writes never interleave with the
   * read; a query that cannot be updated gives a read-only one and a warning on this statement.
   */
  private ResultSetImpl updatable(Cursor cursor) throws SQLException {
    MaterializedRows rows = MaterializedRows.of(cursor, maxRows);
    Object editor = RowEditor.of(session, rows, session.catalog());
    if (!(editor instanceof RowEditor e)) {
      SQLWarning w = new SQLWarning("the result set is CONCUR_READ_ONLY: " + editor, "01000");
      if (warnings == null) {
        warnings = w;
      } else {
        warnings.setNextWarning(w);
      }
      return new ResultSetImpl(this, rows, resultSetType, null);
    }
    return new ResultSetImpl(this, rows, resultSetType, e);
  }

  private void clearResults() throws SQLException {
    updateCount = -1;
    live = null;
    if (resultSet != null) {
      ResultSetImpl rs = resultSet;
      resultSet = null;
      rs.closeQuietlyFromStatement();
    }
  }

  static SQLException notAQuery(String method, String sql) {
    return Errors.of(
        SqlState.FUNCTION_SEQUENCE_ERROR,
        method + " needs a statement that returns rows; this one does not: " + abbreviate(sql));
  }

  static SQLException aQuery(String method, String sql) {
    return Errors.of(
        SqlState.FUNCTION_SEQUENCE_ERROR,
        method
            + " cannot run a statement that returns rows (use executeQuery): "
            + abbreviate(sql));
  }

  static String abbreviate(String sql) {
    String s = sql.strip();
    return s.length() > 80 ? s.substring(0, 77) + "..." : s;
  }

  // ---- execution

  @Override
  public ResultSet executeQuery(String sql) throws SQLException {
    Planned p = prepare(sql);
    if (!p.returnsRows()) {
      throw notAQuery("executeQuery", sql);
    }
    run(p, List.of(), null);
    return resultSet;
  }

  @Override
  public int executeUpdate(String sql) throws SQLException {
    return saturate(executeLargeUpdate(sql));
  }

  @Override
  public long executeLargeUpdate(String sql) throws SQLException {
    return update(sql, null);
  }

  private long update(String sql, List<String> keyColumns) throws SQLException {
    Planned p = prepare(sql);
    if (p.returnsRows()) {
      throw aQuery("executeUpdate", sql);
    }
    run(p, List.of(), keyColumns);
    return updateCount;
  }

  static int saturate(long count) {
    return count > Integer.MAX_VALUE ? Statement.SUCCESS_NO_INFO : (int) count;
  }

  @Override
  public boolean execute(String sql) throws SQLException {
    return run(prepare(sql), List.of(), null);
  }

  @Override
  public boolean execute(String sql, int autoGeneratedKeys) throws SQLException {
    return run(prepare(sql), List.of(), GeneratedKeys.request(autoGeneratedKeys));
  }

  @Override
  public boolean execute(String sql, int[] columnIndexes) throws SQLException {
    Planned p = prepare(sql);
    return run(p, List.of(), connection.keyColumns(p, columnIndexes));
  }

  @Override
  public boolean execute(String sql, String[] columnNames) throws SQLException {
    return run(prepare(sql), List.of(), GeneratedKeys.request(columnNames));
  }

  @Override
  public int executeUpdate(String sql, int autoGeneratedKeys) throws SQLException {
    return saturate(executeLargeUpdate(sql, autoGeneratedKeys));
  }

  @Override
  public int executeUpdate(String sql, int[] columnIndexes) throws SQLException {
    return saturate(executeLargeUpdate(sql, columnIndexes));
  }

  @Override
  public int executeUpdate(String sql, String[] columnNames) throws SQLException {
    return saturate(executeLargeUpdate(sql, columnNames));
  }

  @Override
  public long executeLargeUpdate(String sql, int autoGeneratedKeys) throws SQLException {
    return update(sql, GeneratedKeys.request(autoGeneratedKeys));
  }

  @Override
  public long executeLargeUpdate(String sql, int[] columnIndexes) throws SQLException {
    return update(sql, connection.keyColumns(sql, columnIndexes));
  }

  @Override
  public long executeLargeUpdate(String sql, String[] columnNames) throws SQLException {
    return update(sql, GeneratedKeys.request(columnNames));
  }

  // ---- batches

  @Override
  public void addBatch(String sql) throws SQLException {
    checkOpen();
    batch.add(sql);
  }

  @Override
  public void clearBatch() throws SQLException {
    checkOpen();
    batch.clear();
  }

  @Override
  public int[] executeBatch() throws SQLException {
    return toInts(executeLargeBatch());
  }

  @Override
  public long[] executeLargeBatch() throws SQLException {
    checkOpen();
    List<String> items = List.copyOf(batch);
    batch.clear();
    long[] counts = new long[items.size()];
    resetGeneratedKeys();
    try (BatchScope scope = new BatchScope(session)) {
      for (int i = 0; i < items.size(); i++) {
        try {
          Planned p = prepare(items.get(i));
          if (p.returnsRows()) {
            throw aQuery("executeBatch", items.get(i));
          }
          runKeepingKeys(p, List.of(), null);
          counts[i] = updateCount;
        } catch (SQLException e) {
          throw batchFailure(i, Arrays.copyOf(counts, i), e);
        }
      }
    }
    updateCount = -1;
    return counts;
  }

  static BatchUpdateException batchFailure(int index, long[] done, SQLException e) {
    return new BatchUpdateException(
        "batch item " + (index + 1) + " failed: " + e.getMessage(),
        e.getSQLState(),
        e.getErrorCode(),
        done,
        e);
  }

  static int[] toInts(long[] counts) {
    int[] r = new int[counts.length];
    for (int i = 0; i < counts.length; i++) {
      r[i] = saturate(counts[i]);
    }
    return r;
  }

  // ---- results

  @Override
  public ResultSet getResultSet() throws SQLException {
    checkOpen();
    return resultSet;
  }

  @Override
  public int getUpdateCount() throws SQLException {
    return saturate(getLargeUpdateCount());
  }

  @Override
  public long getLargeUpdateCount() throws SQLException {
    checkOpen();
    return updateCount;
  }

  @Override
  public boolean getMoreResults() throws SQLException {
    return getMoreResults(CLOSE_CURRENT_RESULT);
  }

  @Override
  public boolean getMoreResults(int current) throws SQLException {
    checkOpen();
    if (current == KEEP_CURRENT_RESULT || current == CLOSE_ALL_RESULTS) {
      // JDBC: these are unsupported where supportsMultipleOpenResults() is false, as here.
      throw Errors.unsupported(
          "Statement.getMoreResults("
              + (current == KEEP_CURRENT_RESULT ? "KEEP_CURRENT_RESULT" : "CLOSE_ALL_RESULTS")
              + ")");
    }
    if (current != CLOSE_CURRENT_RESULT) {
      throw Errors.of(
          SqlState.INVALID_ATTRIBUTE_VALUE, "getMoreResults: invalid argument " + current);
    }
    clearResults();
    return false; // every statement produces exactly one result
  }

  @Override
  public ResultSet getGeneratedKeys() throws SQLException {
    checkOpen();
    return new ResultSetImpl(this, keys.toRows(), ResultSet.TYPE_FORWARD_ONLY);
  }

  void resultSetClosed(ResultSetImpl rs) throws SQLException {
    if (rs == resultSet) {
      resultSet = null;
      if (closeOnCompletion) {
        close();
      }
    }
  }

  // ---- control

  @Override
  public void cancel() throws SQLException {
    checkOpen();
    if (running) {
      session.cancel();
    }
    Cursor c = live;
    if (c != null) {
      c.cancel(); // a SUBSCRIBE's next() blocks outside execute, so the session would not see it
    }
  }

  @Override
  public void close() throws SQLException {
    if (!lifecycle.close()) {
      return;
    }
    try {
      clearResults();
    } finally {
      connection.statementClosed(this);
    }
  }

  @Override
  public boolean isClosed() {
    return lifecycle.isClosed();
  }

  @Override
  public void closeOnCompletion() throws SQLException {
    checkOpen();
    closeOnCompletion = true;
  }

  @Override
  public boolean isCloseOnCompletion() throws SQLException {
    checkOpen();
    return closeOnCompletion;
  }

  @Override
  public void setQueryTimeout(int seconds) throws SQLException {
    checkOpen();
    if (seconds < 0) {
      throw Errors.of(
          SqlState.INVALID_ATTRIBUTE_VALUE, "query timeout " + seconds + " is negative");
    }
    queryTimeout = seconds;
  }

  @Override
  public int getQueryTimeout() throws SQLException {
    checkOpen();
    return queryTimeout;
  }

  @Override
  public void setMaxRows(int max) throws SQLException {
    setLargeMaxRows(max);
  }

  @Override
  public void setLargeMaxRows(long max) throws SQLException {
    checkOpen();
    if (max < 0) {
      throw Errors.of(SqlState.INVALID_ATTRIBUTE_VALUE, "max rows " + max + " is negative");
    }
    maxRows = max;
  }

  @Override
  public int getMaxRows() throws SQLException {
    return (int) Math.min(getLargeMaxRows(), Integer.MAX_VALUE);
  }

  @Override
  public long getLargeMaxRows() throws SQLException {
    checkOpen();
    return maxRows;
  }

  @Override
  public void setMaxFieldSize(int max) throws SQLException {
    checkOpen();
    if (max < 0) {
      throw Errors.of(SqlState.INVALID_ATTRIBUTE_VALUE, "max field size " + max + " is negative");
    }
    maxFieldSize = max; // JDBC lets drivers ignore it for all but fixed-size types; recorded only
  }

  @Override
  public int getMaxFieldSize() throws SQLException {
    checkOpen();
    return maxFieldSize;
  }

  @Override
  public void setEscapeProcessing(boolean enable) throws SQLException {
    checkOpen(); // SQL goes to the planner as written; there are no JDBC escapes to switch off
  }

  @Override
  public void setFetchDirection(int direction) throws SQLException {
    checkOpen();
    if (direction != ResultSet.FETCH_FORWARD
        && direction != ResultSet.FETCH_REVERSE
        && direction != ResultSet.FETCH_UNKNOWN) {
      throw Errors.of(SqlState.INVALID_ATTRIBUTE_VALUE, "invalid fetch direction " + direction);
    }
    fetchDirection = direction;
  }

  @Override
  public int getFetchDirection() throws SQLException {
    checkOpen();
    return fetchDirection;
  }

  @Override
  public void setFetchSize(int rows) throws SQLException {
    checkOpen();
    if (rows < 0) {
      throw Errors.of(SqlState.INVALID_ATTRIBUTE_VALUE, "fetch size " + rows + " is negative");
    }
    fetchSize = rows;
  }

  @Override
  public int getFetchSize() throws SQLException {
    checkOpen();
    return fetchSize;
  }

  @Override
  public int getResultSetConcurrency() throws SQLException {
    checkOpen();
    return concurrency;
  }

  @Override
  public int getResultSetType() throws SQLException {
    checkOpen();
    return resultSetType;
  }

  @Override
  public int getResultSetHoldability() throws SQLException {
    checkOpen();
    return ResultSet.HOLD_CURSORS_OVER_COMMIT;
  }

  @Override
  public Connection getConnection() throws SQLException {
    checkOpen();
    return connection;
  }

  @Override
  public SQLWarning getWarnings() throws SQLException {
    checkOpen();
    return warnings;
  }

  @Override
  public void clearWarnings() throws SQLException {
    checkOpen();
    warnings = null;
  }

  @Override
  public void setCursorName(String name) throws SQLException {
    throw Errors.unsupported("Statement.setCursorName");
  }

  @Override
  public void setPoolable(boolean poolable) throws SQLException {
    checkOpen();
    this.poolable = poolable;
  }

  @Override
  public boolean isPoolable() throws SQLException {
    checkOpen();
    return poolable;
  }
}
