package io.pluresdb.driver.jdbc;

import io.pluresdb.crdt.schema.Catalog;
import io.pluresdb.engine.api.BatchResult;
import io.pluresdb.engine.api.Channels;
import io.pluresdb.engine.api.LiveHandle;
import io.pluresdb.engine.api.Planned;
import io.pluresdb.engine.api.Result;
import io.pluresdb.engine.api.Session;
import io.pluresdb.sql.plan.Prepared;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;

/**
 * The session as the driver sees it: each call passes through {@link Boundary}, so whatever the
 * planner or SQLite throws reaches JDBC as a SQLException with a SQLState, and the rows it returns
 * are read through {@link GuardedCursor}s.
 *
 * <p>Not thread-safe, as the session it wraps.
 */
final class GuardedSession implements Session {
  private final Session session;

  GuardedSession(Session session) {
    this.session = session;
  }

  @Override
  public Planned prepare(String sql) throws SQLException {
    return Boundary.guard(() -> "planning " + Boundary.statement(sql), () -> session.prepare(sql));
  }

  @Override
  public Result execute(
      Planned statement,
      List<Object> params,
      List<String> generatedKeys,
      int timeoutSeconds,
      long maxRows)
      throws SQLException {
    Supplier<String> what = () -> kind(statement) + " " + Boundary.statement(statement.sql());
    Result r =
        Boundary.guard(
            what, () -> session.execute(statement, params, generatedKeys, timeoutSeconds, maxRows));
    if (r instanceof Result.Rows rows) {
      return new Result.Rows(GuardedCursor.of(rows.cursor(), what));
    }
    Result.Count count = (Result.Count) r;
    return new Result.Count(count.count(), GuardedCursor.of(count.generatedKeys(), what));
  }

  private static String kind(Planned statement) {
    try {
      return statement.plan().getClass().getSimpleName().toLowerCase(java.util.Locale.ROOT);
    } catch (RuntimeException e) {
      return "statement";
    }
  }

  @Override
  public BatchResult executeBatch(
      Planned statement, List<List<Object>> rows, List<String> generatedKeys, int timeoutSeconds)
      throws SQLException {
    Supplier<String> what = () -> "batch of " + Boundary.statement(statement.sql());
    BatchResult r =
        Boundary.guard(
            what, () -> session.executeBatch(statement, rows, generatedKeys, timeoutSeconds));
    return new BatchResult(r.counts(), GuardedCursor.of(r.generatedKeys(), what));
  }

  @Override
  public void setWriterWait(Duration wait) throws SQLException {
    Boundary.guard(() -> "setting the writer wait", () -> session.setWriterWait(wait));
  }

  @Override
  public Prepared prepareSubscription(String sql) throws SQLException {
    return Boundary.guard(
        () -> "planning subscription " + Boundary.statement(sql),
        () -> session.prepareSubscription(sql));
  }

  @Override
  public LiveHandle subscribe(String sql, List<Object> params) throws SQLException {
    return Boundary.guard(
        () -> "subscribing to " + Boundary.statement(sql), () -> session.subscribe(sql, params));
  }

  @Override
  public void setLiveBuffer(int changes) throws SQLException {
    Boundary.guard(() -> "setting the live buffer", () -> session.setLiveBuffer(changes));
  }

  @Override
  public Channels channels() {
    return session.channels();
  }

  @Override
  public void setEfSearch(int ef) throws SQLException {
    Boundary.guard(() -> "setting ef_search", () -> session.setEfSearch(ef));
  }

  @Override
  public int efSearch() {
    return session.efSearch();
  }

  @Override
  public void cancel() {
    session.cancel();
  }

  @Override
  public boolean autoCommit() {
    return session.autoCommit();
  }

  @Override
  public void setAutoCommit(boolean autoCommit) throws SQLException {
    Boundary.guard(() -> "setting auto-commit", () -> session.setAutoCommit(autoCommit));
  }

  @Override
  public void commit() throws SQLException {
    Boundary.guard(() -> "commit", session::commit);
  }

  @Override
  public void rollback() throws SQLException {
    Boundary.guard(() -> "rollback", session::rollback);
  }

  @Override
  public boolean readOnly() {
    return session.readOnly();
  }

  @Override
  public void setReadOnly(boolean readOnly) throws SQLException {
    Boundary.guard(() -> "setting read-only", () -> session.setReadOnly(readOnly));
  }

  @Override
  public boolean inTransaction() {
    return session.inTransaction();
  }

  @Override
  public Catalog catalog() {
    return session.catalog();
  }

  @Override
  public void close() throws SQLException {
    Boundary.guard(() -> "closing the session", session::close);
  }
}
