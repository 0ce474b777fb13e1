package io.pluresdb.driver.jdbc;

import io.pluresdb.crdt.error.Errors;
import io.pluresdb.crdt.error.SqlState;
import io.pluresdb.driver.live.ListenerPump;
import io.pluresdb.driver.live.LivePublisher;
import io.pluresdb.driver.lob.MemoryBlob;
import io.pluresdb.driver.lob.MemoryClob;
import io.pluresdb.driver.url.ConnectionUrl;
import io.pluresdb.driver.url.PluresProperty;
import io.pluresdb.engine.api.Activity;
import io.pluresdb.engine.api.EngineLease;
import io.pluresdb.engine.api.LiveHandle;
import io.pluresdb.engine.api.Planned;
import io.pluresdb.engine.api.Session;
import io.pluresdb.jdbc.LiveChange;
import io.pluresdb.jdbc.LiveListener;
import io.pluresdb.jdbc.PluresConnection;
import io.pluresdb.jdbc.PluresNotification;
import io.pluresdb.sync.http.HttpRoutes;
import java.sql.Array;
import java.sql.Blob;
import java.sql.CallableStatement;
import java.sql.Clob;
import java.sql.DatabaseMetaData;
import java.sql.NClob;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLClientInfoException;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.SQLXML;
import java.sql.Savepoint;
import java.sql.Statement;
import java.sql.Struct;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.Flow;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * The PluresDB {@link java.sql.Connection}: one planner session over a shared engine. Thin
 * delegation (hence its length, one short method per {@link java.sql.Connection} method);
 * transaction state lives in the session.
 *
 * <p>Not thread-safe, except {@link #close}, {@link #abort}, {@link #isClosed} and {@link
 * #isValid}, which any thread may call: {@link Lifecycle} is thread-safe and closing idempotent.
 */
public final class ConnectionImpl implements PluresConnection, SelfWrapper {
  /** The one schema every database has, as SQLite names it. */
  public static final String SCHEMA = "main";

  private final MetaDataFactory metaData;
  private final ConnectionUrl url;
  private final EngineLease lease;
  private final Session session;
  private final Set<StatementImpl> statements = ConcurrentHashMap.newKeySet();
  private final Properties clientInfo = new Properties();
  private final Lifecycle lifecycle =
      new Lifecycle(SqlState.CONNECTION_DOES_NOT_EXIST, "connection");
  private SQLWarning warnings;
  private int networkTimeout;
  private Map<String, Class<?>> typeMap = Map.of();
  private int savepointIds;

  /** The statements running on this connection's engine (statements report their runs). */
  Activity activity() {
    return lease.engine().activity();
  }

  /** Opens a session on the leased engine; the connection owns both from here on. */
  public ConnectionImpl(ConnectionUrl url, EngineLease lease, MetaDataFactory metaData)
      throws SQLException {
    this.url = url;
    this.lease = lease;
    this.metaData = metaData;
    Session s = null;
    try {
      s = new GuardedSession(lease.engine().openSession());
      // lock_timeout is fixed for the connection's life, so the session learns it once
      s.setWriterWait(Duration.ofMillis(url.getMillis(PluresProperty.LOCK_TIMEOUT)));
      s.setLiveBuffer(Integer.parseInt(url.get(PluresProperty.LIVE_BUFFER)));
      if (url.getBoolean(PluresProperty.READ_ONLY)) {
        s.setReadOnly(true);
      }
      s.setEfSearch(Integer.parseInt(url.get(PluresProperty.EF_SEARCH)));
    } catch (SQLException | RuntimeException e) {
      if (s != null) {
        s.close();
      }
      lease.close();
      throw e;
    }
    this.session = s;
  }

  Session session() {
    return session;
  }

  /** The URL this connection was opened with. */
  public ConnectionUrl url() {
    return url;
  }

  void checkOpen() throws SQLException {
    lifecycle.checkOpen();
  }

  void statementClosed(StatementImpl statement) {
    statements.remove(statement);
  }

  private <S extends StatementImpl> S track(S statement) {
    statements.add(statement);
    return statement;
  }

  /** The columns the given 1-based indexes name in the table an INSERT targets. */
  List<String> keyColumns(String sql, int[] indexes) throws SQLException {
    checkOpen();
    if (sql == null || sql.isBlank()) {
      throw Errors.of(SqlState.SYNTAX_ERROR, "the SQL statement is empty");
    }
    return keyColumns(session.prepare(sql), indexes);
  }

  /** The names of the generated-key columns at {@code indexes} of the table a statement inserts. */
  List<String> keyColumns(Planned statement, int[] indexes) throws SQLException {
    checkOpen();
    return new InsertTarget(session.catalog()).columnsAt(statement, indexes);
  }

  // ---- statements

  @Override
  public Statement createStatement() throws SQLException {
    return createStatement(ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY);
  }

  @Override
  public Statement createStatement(int type, int concurrency) throws SQLException {
    return createStatement(type, concurrency, ResultSet.HOLD_CURSORS_OVER_COMMIT);
  }

  @Override
  public Statement createStatement(int type, int concurrency, int holdability) throws SQLException {
    checkOpen();
    ResultSetOptions.check("createStatement", type, concurrency, holdability);
    StatementImpl s = new StatementImpl(this, type);
    s.concurrency = concurrency;
    return track(s);
  }

  @Override
  public PreparedStatement prepareStatement(String sql) throws SQLException {
    return prepareStatement(sql, ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY);
  }

  @Override
  public PreparedStatement prepareStatement(String sql, int type, int concurrency)
      throws SQLException {
    return prepareStatement(sql, type, concurrency, ResultSet.HOLD_CURSORS_OVER_COMMIT);
  }

  @Override
  public PreparedStatement prepareStatement(String sql, int type, int concurrency, int holdability)
      throws SQLException {
    checkOpen();
    ResultSetOptions.check("prepareStatement", type, concurrency, holdability);
    PreparedStatementImpl s = new PreparedStatementImpl(this, sql, type, null);
    s.concurrency = concurrency;
    return track(s);
  }

  @Override
  public PreparedStatement prepareStatement(String sql, int autoGeneratedKeys) throws SQLException {
    checkOpen();
    return track(
        new PreparedStatementImpl(
            this, sql, ResultSet.TYPE_FORWARD_ONLY, GeneratedKeys.request(autoGeneratedKeys)));
  }

  @Override
  public PreparedStatement prepareStatement(String sql, int[] columnIndexes) throws SQLException {
    checkOpen();
    return track(
        new PreparedStatementImpl(
            this, sql, ResultSet.TYPE_FORWARD_ONLY, keyColumns(sql, columnIndexes)));
  }

  @Override
  public PreparedStatement prepareStatement(String sql, String[] columnNames) throws SQLException {
    checkOpen();
    return track(
        new PreparedStatementImpl(
            this, sql, ResultSet.TYPE_FORWARD_ONLY, GeneratedKeys.request(columnNames)));
  }

  @Override
  public CallableStatement prepareCall(String sql) throws SQLException {
    checkOpen();
    throw Errors.unsupported("Connection.prepareCall (PluresDB has no stored procedures)");
  }

  @Override
  public CallableStatement prepareCall(String sql, int type, int concurrency) throws SQLException {
    return prepareCall(sql);
  }

  @Override
  public CallableStatement prepareCall(String sql, int type, int concurrency, int holdability)
      throws SQLException {
    return prepareCall(sql);
  }

  @Override
  public String nativeSQL(String sql) throws SQLException {
    checkOpen();
    return sql; // the planner takes the SQL as written
  }

  // ---- transactions

  @Override
  public void setAutoCommit(boolean autoCommit) throws SQLException {
    checkOpen();
    session.setAutoCommit(autoCommit);
  }

  @Override
  public boolean getAutoCommit() throws SQLException {
    checkOpen();
    return session.autoCommit();
  }

  @Override
  public void commit() throws SQLException {
    requireManualCommit("commit");
    session.commit();
  }

  @Override
  public void rollback() throws SQLException {
    requireManualCommit("rollback");
    session.rollback();
  }

  /** JDBC forbids commit and rollback in auto-commit mode. */
  private void requireManualCommit(String method) throws SQLException {
    checkOpen();
    if (session.autoCommit()) {
      throw Errors.of(
          SqlState.NO_ACTIVE_SQL_TRANSACTION, method + ": the connection is in auto-commit mode");
    }
  }

  @Override
  public void setTransactionIsolation(int level) throws SQLException {
    checkOpen();
    warnings = Isolation.set(level, warnings);
  }

  @Override
  public int getTransactionIsolation() throws SQLException {
    checkOpen();
    return TRANSACTION_SERIALIZABLE;
  }

  // ---- savepoints: each call is the SQL statement (SAVEPOINT, ROLLBACK TO, RELEASE) it stands for

  @Override
  public Savepoint setSavepoint() throws SQLException {
    return savepoint("setSavepoint", new SavepointImpl(this, ++savepointIds, null));
  }

  @Override
  public Savepoint setSavepoint(String name) throws SQLException {
    if (name == null || name.isEmpty()) {
      throw Errors.of(SqlState.INVALID_PARAMETER_VALUE, "setSavepoint: the name is null or empty");
    }
    return savepoint("setSavepoint", new SavepointImpl(this, ++savepointIds, name));
  }

  private SavepointImpl savepoint(String method, SavepointImpl s) throws SQLException {
    runSavepointSql(method, "SAVEPOINT " + s.quoted());
    return s;
  }

  @Override
  public void rollback(Savepoint savepoint) throws SQLException {
    runSavepointSql(
        "rollback(Savepoint)",
        "ROLLBACK TO SAVEPOINT " + SavepointImpl.of(savepoint, this).quoted());
  }

  @Override
  public void releaseSavepoint(Savepoint savepoint) throws SQLException {
    runSavepointSql(
        "releaseSavepoint", "RELEASE SAVEPOINT " + SavepointImpl.of(savepoint, this).quoted());
  }

  private void runSavepointSql(String method, String sql) throws SQLException {
    checkOpen();
    if (session.autoCommit()) {
      throw Errors.of(
          SqlState.NO_ACTIVE_SQL_TRANSACTION,
          "Connection." + method + ": savepoints need auto-commit off");
    }
    session.execute(session.prepare(sql), List.of(), null, 0, 0);
  }

  @Override
  public void setReadOnly(boolean readOnly) throws SQLException {
    checkOpen();
    session.setReadOnly(readOnly);
  }

  @Override
  public boolean isReadOnly() throws SQLException {
    checkOpen();
    return session.readOnly();
  }

  @Override
  public void setHoldability(int holdability) throws SQLException {
    checkOpen();
    ResultSetOptions.checkHoldability("setHoldability", holdability);
  }

  @Override
  public int getHoldability() throws SQLException {
    checkOpen();
    return ResultSet.HOLD_CURSORS_OVER_COMMIT;
  }

  // ---- lifecycle

  @Override
  public void close() throws SQLException {
    if (lifecycle.close()) {
      release();
    }
  }

  /** Closes the statements, the session and the engine lease, reporting every failure. */
  private void release() throws SQLException {
    SQLException failure = null;
    for (StatementImpl s : new ArrayList<>(statements)) {
      try {
        s.close();
      } catch (SQLException e) {
        failure = chain(failure, e);
      }
    }
    try {
      session.close();
    } catch (SQLException e) {
      failure = chain(failure, e);
    }
    try {
      lease.close();
    } catch (SQLException e) {
      failure = chain(failure, e);
    }
    if (failure != null) {
      throw failure;
    }
  }

  private static SQLException chain(SQLException first, SQLException next) {
    if (first == null) {
      return next;
    }
    first.setNextException(next);
    return first;
  }

  @Override
  public boolean isClosed() {
    return lifecycle.isClosed();
  }

  @Override
  public boolean isValid(int timeout) throws SQLException {
    if (timeout < 0) {
      throw Errors.of(
          SqlState.INVALID_ATTRIBUTE_VALUE, "isValid: timeout " + timeout + " is negative");
    }
    return !lifecycle.isClosed(); // an embedded engine has no link that could break
  }

  @Override
  public void abort(Executor executor) throws SQLException {
    if (executor == null) {
      throw Errors.of(SqlState.INVALID_PARAMETER_VALUE, "abort: the executor is null");
    }
    if (!lifecycle.close()) {
      return;
    }
    // from here on every call fails with 08003, as abort requires
    session.cancel();
    executor.execute(
        () -> {
          try {
            release();
          } catch (SQLException e) {
            // abort is fire-and-forget: the connection is already closed to its user
          }
        });
  }

  @Override
  public void setNetworkTimeout(Executor executor, int milliseconds) throws SQLException {
    checkOpen();
    if (milliseconds < 0) {
      throw Errors.of(
          SqlState.INVALID_ATTRIBUTE_VALUE, "network timeout " + milliseconds + " is negative");
    }
    networkTimeout = milliseconds; // recorded: an embedded database never waits on a network
  }

  @Override
  public int getNetworkTimeout() throws SQLException {
    checkOpen();
    return networkTimeout;
  }

  // ---- naming

  @Override
  public void setCatalog(String catalog) throws SQLException {
    checkOpen(); // JDBC: a driver without catalogs silently ignores this
  }

  @Override
  public String getCatalog() throws SQLException {
    checkOpen();
    return null;
  }

  @Override
  public void setSchema(String schema) throws SQLException {
    checkOpen();
    if (!SCHEMA.equals(schema)) {
      throw Errors.of(
          SqlState.UNDEFINED_SCHEMA,
          "schema '" + schema + "' does not exist; the only schema is '" + SCHEMA + "'");
    }
  }

  @Override
  public String getSchema() throws SQLException {
    checkOpen();
    return SCHEMA;
  }

  @Override
  public DatabaseMetaData getMetaData() throws SQLException {
    checkOpen();
    return metaData.create(this, url, session::catalog);
  }

  @Override
  public String nodeId() throws SQLException {
    checkOpen();
    return lease.engine().nodeId();
  }

  @Override
  public String databaseId() throws SQLException {
    checkOpen();
    return lease.engine().databaseId();
  }

  @Override
  public int listenPort() throws SQLException {
    checkOpen();
    var address = lease.engine().listenAddress();
    return address == null ? -1 : address.getPort();
  }

  /**
   * The plain HTTP routes served on this node's replication port beside {@code /status} (where the
   * command line mounts its web console), or null when the node does not listen.
   */
  public @Nullable HttpRoutes httpRoutes() throws SQLException {
    checkOpen();
    return lease.engine().httpRoutes();
  }

  /**
   * The store of this connection's database, or null when another process may own it (see {@code
   * Engine#store}): a hub on PostgreSQL keeps it in step with the shared log.
   */
  public io.pluresdb.crdt.store.@Nullable Store store() throws SQLException {
    checkOpen();
    return lease.engine().store();
  }

  // ---- warnings, client info, type map

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
  public void setClientInfo(String name, String value) throws SQLClientInfoException {
    checkOpenForClientInfo();
    if (value == null) {
      clientInfo.remove(name);
    } else {
      clientInfo.setProperty(name, value);
    }
  }

  @Override
  public void setClientInfo(Properties properties) throws SQLClientInfoException {
    checkOpenForClientInfo();
    clientInfo.clear();
    clientInfo.putAll(properties);
  }

  /** The closed-connection check in the exception type {@code setClientInfo} must throw. */
  private void checkOpenForClientInfo() throws SQLClientInfoException {
    try {
      checkOpen();
    } catch (SQLException e) {
      throw new SQLClientInfoException(e.getMessage(), e.getSQLState(), Map.of(), e);
    }
  }

  @Override
  public String getClientInfo(String name) throws SQLException {
    checkOpen();
    return clientInfo.getProperty(name);
  }

  @Override
  public Properties getClientInfo() throws SQLException {
    checkOpen();
    Properties copy = new Properties();
    copy.putAll(clientInfo);
    return copy;
  }

  @Override
  public Map<String, Class<?>> getTypeMap() throws SQLException {
    checkOpen();
    return typeMap;
  }

  @Override
  public void setTypeMap(Map<String, Class<?>> map) throws SQLException {
    checkOpen();
    if (map != null && !map.isEmpty()) {
      throw Errors.unsupported("Connection.setTypeMap with entries (PluresDB has no UDTs)");
    }
    typeMap = Map.of();
  }

  // ---- factories: LOBs are in-memory values; the rest this driver does not offer

  @Override
  public Clob createClob() throws SQLException {
    checkOpen();
    return new MemoryClob();
  }

  @Override
  public Blob createBlob() throws SQLException {
    checkOpen();
    return new MemoryBlob();
  }

  @Override
  public NClob createNClob() throws SQLException {
    checkOpen();
    return new MemoryClob();
  }

  @Override
  public SQLXML createSQLXML() throws SQLException {
    checkOpen();
    throw Errors.unsupported("Connection.createSQLXML");
  }

  @Override
  public Array createArrayOf(String typeName, Object[] elements) throws SQLException {
    checkOpen();
    throw Errors.unsupported("Connection.createArrayOf");
  }

  @Override
  public Struct createStruct(String typeName, Object[] attributes) throws SQLException {
    checkOpen();
    throw Errors.unsupported("Connection.createStruct");
  }

  // ---- live queries and notifications

  @Override
  public AutoCloseable subscribe(String sql, List<?> params, LiveListener listener)
      throws SQLException {
    checkOpen();
    if (sql == null || listener == null) {
      throw Errors.of(
          SqlState.INVALID_PARAMETER_VALUE, "subscribe: the SQL and listener are required");
    }
    LiveHandle s = session.subscribe(sql, params == null ? List.of() : new ArrayList<>(params));
    return ListenerPump.start(s, listener);
  }

  @Override
  public Flow.Publisher<LiveChange> publisher(String sql, List<?> params) throws SQLException {
    checkOpen();
    if (sql == null) {
      throw Errors.of(SqlState.INVALID_PARAMETER_VALUE, "publisher: the SQL is required");
    }
    session.prepareSubscription(sql); // SQL errors surface here, not later
    return new LivePublisher(session, sql, params == null ? List.of() : new ArrayList<>(params));
  }

  @Override
  public PluresNotification[] getNotifications() throws SQLException {
    return notifications(-1);
  }

  @Override
  public PluresNotification[] getNotifications(int timeoutMillis) throws SQLException {
    if (timeoutMillis < 0) {
      throw Errors.of(
          SqlState.INVALID_PARAMETER_VALUE,
          "getNotifications: timeout " + timeoutMillis + " ms is negative");
    }
    return notifications(timeoutMillis);
  }

  private PluresNotification[] notifications(long timeoutMillis) throws SQLException {
    checkOpen();
    try {
      return session.channels().take(timeoutMillis).stream()
          .map(n -> new PluresNotification(n.channel(), n.payload(), n.node()))
          .toArray(PluresNotification[]::new);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw Errors.of(SqlState.QUERY_CANCELED, "interrupted while waiting for notifications", e);
    }
  }

  @Override
  public AutoCloseable addNotificationListener(Consumer<PluresNotification> listener)
      throws SQLException {
    checkOpen();
    if (listener == null) {
      throw Errors.of(
          SqlState.INVALID_PARAMETER_VALUE, "addNotificationListener: the listener is null");
    }
    return session
        .channels()
        .addListener(
            n -> listener.accept(new PluresNotification(n.channel(), n.payload(), n.node())));
  }
}
