package io.pluresdb.engine.session;

import io.pluresdb.crdt.error.Errors;
import io.pluresdb.crdt.error.SqlState;
import io.pluresdb.crdt.schema.Catalog;
import io.pluresdb.crdt.store.Store;
import io.pluresdb.engine.api.BatchResult;
import io.pluresdb.engine.api.Planned;
import io.pluresdb.engine.api.Result;
import io.pluresdb.engine.api.Session;
import io.pluresdb.engine.exec.SessionCounters;
import io.pluresdb.engine.live.ChannelInbox;
import io.pluresdb.engine.live.LiveSubscription;
import io.pluresdb.sql.catalog.LocalTables;
import io.pluresdb.sql.plan.Plan;
import io.pluresdb.sql.plan.Prepared;
import io.pluresdb.sql.plan.TempRouting;
import io.pluresdb.sync.scope.ScopeStatements;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A session: prepares statements into {@link Planned} handles and executes them, through its parts:
 * the {@link TransactionScope}, the {@link ReadExecutor}, the {@link BatchExecutor}, the {@link
 * PlanDispatch} that runs one plan, and its {@link SessionSettings}. An execution plans again only
 * when the catalog moved since its statement was prepared.
 *
 * <p>Not thread-safe: one JDBC connection calls it at a time. {@link #cancel()} may be called from
 * any thread; it only interrupts the running SQLite statement (see {@link Interrupter}). {@link
 * #subscribe} and {@link #setLiveBuffer} may be called from any thread as well: the settings are an
 * atomic reference and the subscriptions a concurrent set.
 */
public final class PluresSession implements Session {
  private final Planner planner;
  private final Store store;
  private final Interrupter interrupts;
  private final ChannelInbox channels;
  private final TransactionScope scope;
  private final ReadExecutor reads;
  private final BatchExecutor batches;
  private final Subscriptions subscriptions;
  private final AtomicReference<SessionSettings> settings =
      new AtomicReference<>(SessionSettings.DEFAULTS);
  private final PlanDispatch dispatch;
  private final TempObjects temps;
  private volatile boolean closed; // volatile: subscribe() may run on any thread

  public PluresSession(Planner planner) {
    this.planner = planner;
    this.store = planner.store();
    this.channels = new ChannelInbox(store, planner.runtime().serial());
    this.interrupts = new Interrupter(planner.runtime().timer());
    this.scope = new TransactionScope(store, interrupts, channels);
    SessionCounters counters = new SessionCounters();
    this.reads = new ReadExecutor(store, scope, interrupts, counters);
    this.batches = new BatchExecutor(store, scope, interrupts, counters);
    this.subscriptions = new Subscriptions(planner.live());
    this.temps = new TempObjects(reads, interrupts, scope);
    scope.endsWith(temps);
    this.dispatch =
        new PlanDispatch(
            planner, scope, reads, interrupts, channels, subscriptions, settings, counters, temps);
  }

  @Override
  public Planned prepare(String sql) throws SQLException {
    ensureOpen();
    if (ScopeStatements.read(sql) != null) {
      return new Planned(sql, new Planned.For(new Plan.Scope(sql), -1, null));
    }
    Catalog catalog = scope.catalog();
    Plan.Local local = temps.plan(sql);
    return new Planned(sql, local != null ? local(sql, local, catalog) : plan(sql, catalog));
  }

  /** Plans (or fetches from the shared cache) a statement for the session's catalog. */
  private Planned.For plan(String sql, Catalog catalog) throws SQLException {
    Catalog withTemps = temps.withTables(catalog, sql);
    if (withTemps != catalog) {
      // planned afresh on each execution: TEMP tables change without a schema version
      return planner.prepare(sql, withTemps, false);
    }
    return planner.prepare(sql, catalog, scope.committed(catalog));
  }

  /**
   * A statement on TEMP objects: run as written on the session's handle, except a query that also
   * reads replicated tables while the session's transaction has written, which must see those
   * writes: planned with the TEMP tables it names (see TempCopies) to run on the writer, when the
   * planner takes it.
   */
  private Planned.For local(String sql, Plan.Local local, Catalog catalog) {
    if (local.kind() == TempRouting.Kind.QUERY
        && scope.open() != null
        && TempCopies.namesTable(sql, catalog)) {
      try {
        Catalog withTemps = temps.withTables(catalog, sql);
        Planned.For onWriter = planner.prepare(sql, withTemps, false);
        if (withTemps != catalog && onWriter.plan() instanceof Plan.Query) {
          return onWriter;
        }
      } catch (SQLException refused) {
        // SQLite's own dialect beyond the planner's: answered on the handle, as committed
      }
    }
    return new Planned.For(local, -1, null);
  }

  /** The statement's plan, made again only when the catalog moved since it was planned. */
  private Planned.For current(Planned statement) throws SQLException {
    Catalog catalog = scope.catalog();
    Planned.For planned = statement.current();
    if (planned.plan() instanceof Plan.Scope) {
      return planned;
    }
    if (temps.any() || planned.plan() instanceof Plan.Local) {
      // TEMP objects come and go without a schema change: each execution asks again
      Plan.Local local = temps.plan(statement.sql());
      if (local != null) {
        return local(statement.sql(), local, catalog);
      }
    }
    if (planned.fits(catalog) && !(planned.plan() instanceof Plan.Local)) {
      return planned;
    }
    Planned.For fresh = plan(statement.sql(), catalog);
    statement.replanned(fresh);
    return fresh;
  }

  @Override
  public Result execute(
      Planned statement,
      List<Object> params,
      List<String> generatedKeys,
      int timeoutSeconds,
      long maxRows)
      throws SQLException {
    ensureOpen();
    Planned.For planned = current(statement);
    return dispatch.run(
        planned.plan(),
        new Execution(
            planned.params(params), generatedKeys, timeoutSeconds, maxRows, tempsRead(planned)));
  }

  /** The TEMP tables a replicated statement reads through copies (see TempCopies). */
  private static List<String> tempsRead(Planned.For planned) {
    return planned.uncommitted() == null ? List.of() : LocalTables.of(planned.uncommitted());
  }

  @Override
  public BatchResult executeBatch(
      Planned statement, List<List<Object>> rows, List<String> generatedKeys, int timeoutSeconds)
      throws SQLException {
    ensureOpen();
    Planned.For planned = current(statement);
    Plan plan = planned.plan();
    if (plan instanceof Plan.Write w
        && w.returning() == null
        // a table with triggers takes the per-row path, which fires them
        && scope.catalog().triggersOf(w.kind().table()).isEmpty()
        && !scope.readOnly()
        && tempsRead(planned).isEmpty()
        && !rows.isEmpty()) {
      Duration wait = settings.get().writerWait(timeoutSeconds);
      List<List<Object>> bound = rows.stream().map(planned::params).toList();
      return batches.writes(w, bound, generatedKeys, timeoutSeconds, wait);
    }
    return BatchExecutor.each(
        statement.sql(),
        rows,
        generatedKeys,
        row -> execute(statement, row, generatedKeys, timeoutSeconds, 0));
  }

  @Override
  public Prepared prepareSubscription(String sql) throws SQLException {
    ensureOpen();
    return planner.planSubscription(sql, store.catalog());
  }

  @Override
  public LiveSubscription subscribe(String sql, List<Object> params) throws SQLException {
    ensureOpen();
    return dispatch.subscribe(planner.planSubscription(sql, store.catalog()), params);
  }

  @Override
  public ChannelInbox channels() {
    return channels;
  }

  @Override
  public void setWriterWait(Duration wait) throws SQLException {
    settings.set(settings.get().withWriterWait(wait));
  }

  @Override
  public void setLiveBuffer(int changes) throws SQLException {
    settings.set(settings.get().withLiveBuffer(changes));
  }

  @Override
  public void setEfSearch(int ef) throws SQLException {
    settings.set(settings.get().withEfSearch(ef));
  }

  @Override
  public int efSearch() {
    return settings.get().efSearch();
  }

  @Override
  public void cancel() {
    interrupts.cancel();
  }

  @Override
  public boolean autoCommit() {
    return scope.autoCommit();
  }

  @Override
  public void setAutoCommit(boolean autoCommit) throws SQLException {
    ensureOpen();
    scope.setAutoCommit(autoCommit);
  }

  @Override
  public void commit() throws SQLException {
    ensureOpen();
    scope.commit();
  }

  @Override
  public void rollback() throws SQLException {
    ensureOpen();
    scope.rollback();
  }

  @Override
  public boolean readOnly() {
    return scope.readOnly();
  }

  @Override
  public void setReadOnly(boolean readOnly) throws SQLException {
    ensureOpen();
    scope.setReadOnly(readOnly);
  }

  @Override
  public boolean inTransaction() {
    return scope.open() != null;
  }

  @Override
  public Catalog catalog() {
    return scope.catalog();
  }

  private void ensureOpen() throws SQLException {
    if (closed) {
      throw Errors.of(SqlState.CONNECTION_DOES_NOT_EXIST, "the session is closed");
    }
  }

  @Override
  public void close() throws SQLException {
    if (closed) {
      return;
    }
    closed = true;
    subscriptions.endAll();
    channels.close();
    SQLException failure = null;
    try {
      scope.close();
    } catch (SQLException e) {
      failure = e;
    }
    try {
      reads.close();
    } catch (SQLException e) {
      failure = Failures.add(failure, e);
    }
    if (failure != null) {
      throw failure;
    }
  }
}
