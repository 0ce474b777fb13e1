package io.pluresdb.engine.processes;

import io.pluresdb.crdt.schema.Catalog;
import io.pluresdb.engine.api.BatchResult;
import io.pluresdb.engine.api.Channels;
import io.pluresdb.engine.api.LiveHandle;
import io.pluresdb.engine.api.Planned;
import io.pluresdb.engine.api.Result;
import io.pluresdb.engine.api.Session;
import io.pluresdb.engine.session.Planner;
import io.pluresdb.sql.plan.Plan;
import io.pluresdb.sql.plan.Prepared;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;

/**
 * A connection of a process that follows the owner of a file database. Statements are compiled
 * here, against the file as the owner last committed it (or, after DDL in a forwarded transaction,
 * against that transaction's schema: {@link TransactionCatalog}); reads run here, straight from the
 * file; writes, DDL, sequences, transaction control and NOTIFY are forwarded to a session of the
 * owner (one per connection, opened at the first), and while that session holds an open transaction
 * the reads go there too, so the transaction sees its own writes. LISTEN stays here: the owner's
 * notifications come to this process's bus ({@link NotificationRelay}). Once this process has taken
 * the ownership over, everything else runs in a session of its own engine.
 *
 * <p>Not thread-safe: called by one JDBC connection at a time, except {@link #cancel()}.
 */
final class FollowerSession implements Session {
  private final FileEngine engine;
  private final Session local;
  private final TransactionCatalog schema;
  private final OwnerRoute route;

  FollowerSession(FileEngine engine, Session local, Planner planner, String database) {
    this.engine = engine;
    this.local = local;
    this.schema = new TransactionCatalog(planner);
    this.route = new OwnerRoute(engine, local, database, schema);
  }

  /** A call of this connection's statement on a session (the owned one, or the local one). */
  private interface Call<T> {
    T on(Session s) throws SQLException;
  }

  /** The same call forwarded to the owner. */
  private interface Forward<T> {
    T on(OwnerLink l) throws SQLException;
  }

  /**
   * Runs a statement where it belongs: in this process's own session once it owns the file, on the
   * owner when {@link #forwards} says so, else here against the file.
   */
  private <T> T route(Plan plan, Call<T> call, Forward<T> forward) throws SQLException {
    OwnerLink l = null;
    while (l == null) { // no link: this process took the ownership over while reaching the owner
      Session o = route.owned();
      if (o != null) {
        return call.on(o);
      }
      engine.catchUp();
      if (!forwards(plan)) {
        return call.on(local);
      }
      l = route.link();
    }
    T result = forward.on(l);
    if (!l.inTransaction()) {
      schema.ended();
    } else if (plan instanceof Plan.Ddl) {
      schema.ddlRan();
    }
    return result;
  }

  /**
   * Whether a plan runs on the owner: whatever writes, and reads inside a forwarded transaction.
   * VACUUM INTO runs here, so its file name means what it means to this process.
   */
  private boolean forwards(Plan plan) {
    if (plan instanceof Plan.Query q) {
      return route.inRemoteTransaction() != null || (q.locks() && !route.autoCommit());
    }
    if (plan instanceof Plan.Channel c) {
      return c.command() == Plan.ChannelCommand.NOTIFY;
    }
    if (plan instanceof Plan.Vacuum v) {
      return v.into() == null; // a copy reads the file here; the owner rebuilds it in place
    }
    return plan instanceof Plan.Write
        || plan instanceof Plan.Ddl
        || plan instanceof Plan.SequenceValue
        || plan instanceof Plan.Transaction;
  }

  @Override
  public Planned prepare(String sql) throws SQLException {
    Session o = route.owned();
    if (o != null) {
      return o.prepare(sql);
    }
    engine.catchUp();
    OwnerLink l = route.inRemoteTransaction();
    if (l != null && schema.moved()) {
      return schema.prepare(sql, l);
    }
    return local.prepare(sql);
  }

  @Override
  public Result execute(
      Planned statement,
      List<Object> params,
      List<String> generatedKeys,
      int timeoutSeconds,
      long maxRows)
      throws SQLException {
    Plan plan = statement.plan();
    if (plan instanceof Plan.Channel c && c.command() != Plan.ChannelCommand.NOTIFY) {
      // LISTEN and UNLISTEN stay here, where the owner's notifications come from now on
      engine.relayNotifications();
      return local.execute(statement, params, generatedKeys, timeoutSeconds, maxRows);
    }
    return route(
        plan,
        s -> s.execute(statement, params, generatedKeys, timeoutSeconds, maxRows),
        l -> l.execute(statement.sql(), params, generatedKeys, timeoutSeconds, maxRows));
  }

  @Override
  public BatchResult executeBatch(
      Planned statement, List<List<Object>> rows, List<String> generatedKeys, int timeoutSeconds)
      throws SQLException {
    return route(
        statement.plan(),
        s -> s.executeBatch(statement, rows, generatedKeys, timeoutSeconds),
        l -> l.batch(statement.sql(), rows, generatedKeys, timeoutSeconds));
  }

  @Override
  public void setWriterWait(Duration wait) throws SQLException {
    route.setWriterWait(wait);
  }

  @Override
  public Prepared prepareSubscription(String sql) throws SQLException {
    engine.catchUp();
    return route.here().prepareSubscription(sql);
  }

  @Override
  public LiveHandle subscribe(String sql, List<Object> params) throws SQLException {
    engine.catchUp();
    return route.here().subscribe(sql, params);
  }

  @Override
  public void setLiveBuffer(int changes) throws SQLException {
    route.here().setLiveBuffer(changes);
  }

  @Override
  public Channels channels() {
    return local.channels(); // LISTEN stays here, after a takeover too (see the class comment)
  }

  @Override
  public void setEfSearch(int ef) throws SQLException {
    route.here().setEfSearch(ef);
  }

  @Override
  public int efSearch() {
    Session o = route.ownedNow();
    return (o != null ? o : local).efSearch();
  }

  @Override
  public void cancel() {
    route.cancel();
  }

  @Override
  public boolean autoCommit() {
    return route.autoCommit();
  }

  @Override
  public void setAutoCommit(boolean on) throws SQLException {
    route.control(ForwardedSession.AUTO_COMMIT, on);
  }

  @Override
  public void commit() throws SQLException {
    route.control(ForwardedSession.COMMIT, false);
  }

  @Override
  public void rollback() throws SQLException {
    route.control(ForwardedSession.ROLLBACK, false);
  }

  @Override
  public boolean readOnly() {
    return route.readOnly();
  }

  @Override
  public void setReadOnly(boolean on) throws SQLException {
    route.control(ForwardedSession.READ_ONLY, on);
  }

  @Override
  public boolean inTransaction() {
    return route.inTransaction();
  }

  @Override
  public Catalog catalog() {
    Session o = route.ownedNow();
    return (o != null ? o : local).catalog();
  }

  @Override
  public void close() throws SQLException {
    try {
      local.close();
    } finally {
      route.close();
    }
  }
}
