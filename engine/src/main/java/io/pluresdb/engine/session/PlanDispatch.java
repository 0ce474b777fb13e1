package io.pluresdb.engine.session;

import io.pluresdb.crdt.error.Errors;
import io.pluresdb.crdt.error.SqlState;
import io.pluresdb.crdt.schema.Catalog;
import io.pluresdb.crdt.schema.SchemaChange;
import io.pluresdb.crdt.schema.SequenceDef;
import io.pluresdb.crdt.store.Store;
import io.pluresdb.crdt.store.WriteTxn;
import io.pluresdb.engine.api.Cursor;
import io.pluresdb.engine.api.ListCursor;
import io.pluresdb.engine.api.Result;
import io.pluresdb.engine.exec.DdlExecutor;
import io.pluresdb.engine.exec.SessionCounters;
import io.pluresdb.engine.exec.WriteExecutor;
import io.pluresdb.engine.exec.WriteResult;
import io.pluresdb.engine.live.ChannelInbox;
import io.pluresdb.engine.live.LiveCursor;
import io.pluresdb.engine.live.LiveSubscription;
import io.pluresdb.engine.trigger.TriggerFail;
import io.pluresdb.engine.trigger.TriggerRollback;
import io.pluresdb.engine.trigger.TriggerRunner;
import io.pluresdb.engine.vector.HnswIndexes;
import io.pluresdb.sql.catalog.LocalTables;
import io.pluresdb.sql.parser.dml.ConflictResolution;
import io.pluresdb.sql.plan.Plan;
import io.pluresdb.sql.read.ColumnMeta;
import io.pluresdb.sql.vector.HnswOptions;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Executes one plan: a dispatch on the kind of {@link Plan}, and one small method per kind. It
 * never plans; the session hands it the plan its prepared statement carries.
 *
 * <p>Not thread-safe: used by its session's one caller at a time.
 */
final class PlanDispatch {
  /** How long CREATE INDEX … USING hnsw waits for the build unless a query timeout is set. */
  private static final long INDEX_BUILD_WAIT_MILLIS = 3_600_000L;

  private final Planner planner;
  private final Store store;
  private final TransactionScope scope;
  private final ReadExecutor reads;
  private final Interrupter interrupts;
  private final ChannelInbox channels;
  private final Subscriptions subscriptions;
  private final AtomicReference<SessionSettings> settings;
  private final SessionCounters counters;
  private final TempObjects temps;

  PlanDispatch(
      Planner planner,
      TransactionScope scope,
      ReadExecutor reads,
      Interrupter interrupts,
      ChannelInbox channels,
      Subscriptions subscriptions,
      AtomicReference<SessionSettings> settings,
      SessionCounters counters,
      TempObjects temps) {
    this.counters = counters;
    this.temps = temps;
    this.planner = planner;
    this.store = planner.store();
    this.scope = scope;
    this.reads = reads;
    this.interrupts = interrupts;
    this.channels = channels;
    this.subscriptions = subscriptions;
    this.settings = settings;
  }

  /** Runs a plan under the statement's timeout; a cursor returned takes over the timer. */
  Result run(Plan plan, Execution x) throws SQLException {
    if (plan instanceof Plan.Subscribe sub) {
      // next() enforces the timeout itself, per row: a live cursor has no end to time.
      return new Result.Rows(new LiveCursor(subscribe(sub, x.params()), x.timeoutSeconds()));
    }
    interrupts.reset();
    int timeout = x.timeoutSeconds();
    ScheduledFuture<?> timer = timeout > 0 ? interrupts.timeoutAfter(timeout) : null;
    boolean handedToCursor = false;
    try {
      Result r = dispatch(plan, x, timer);
      handedToCursor = r instanceof Result.Rows && timer != null;
      return r;
    } finally {
      if (timer != null && !handedToCursor) {
        timer.cancel(false);
      }
    }
  }

  private Result dispatch(Plan plan, Execution x, ScheduledFuture<?> timer) throws SQLException {
    if (plan instanceof Plan.Query q) {
      return query(q, x, timer);
    } else if (plan instanceof Plan.Explain e) {
      return rows(e.columns(), e.lines().stream().map(line -> new Object[] {line}).toList());
    } else if (plan instanceof Plan.Rows r) {
      return r.returnsRows() ? rows(r.columns(), r.rows()) : none();
    } else if (plan instanceof Plan.Setting s) {
      settings.set(settings.get().with(s.name(), s.value()));
      return none();
    } else if (plan instanceof Plan.SequenceValue s) {
      return rows(s.columns(), List.<Object[]>of(new Object[] {nextValue(s.sequence())}));
    } else if (plan instanceof Plan.Transaction t) {
      scope.control(t.command(), t.savepoint());
      return none();
    } else if (plan instanceof Plan.Channel c) {
      return channel(c);
    } else if (plan instanceof Plan.Ddl d) {
      return ddl(d, x.timeoutSeconds());
    } else if (plan instanceof Plan.Vacuum v) {
      VacuumCommand.run(v, scope, store);
      return none();
    } else if (plan instanceof Plan.Write w) {
      return write(w, x);
    } else if (plan instanceof Plan.Local l) {
      return temps.run(l, x.params(), x.maxRows(), timer);
    } else if (plan instanceof Plan.Scope s) {
      ScopeCommand.run(s.sql(), planner.scopes());
      return none();
    }
    throw new IllegalStateException("a plan of no known kind: " + plan);
  }

  /** A query; FOR UPDATE in a transaction first takes the store's writer (see SqlLockingQuery). */
  private Result query(Plan.Query q, Execution x, ScheduledFuture<?> timer) throws SQLException {
    if (q.locks() && !scope.readOnly() && !scope.eachStatementCommits()) {
      scope.transaction(settings.get().writerWait(x.timeoutSeconds()));
    }
    if (!x.temps().isEmpty() && scope.open() != null && q.topK() == null) {
      return new Result.Rows(
          temps
              .copies()
              .readAll(
                  scope.open().connection(),
                  x.temps(),
                  () -> reads.query(q.read(), x.params(), x.maxRows(), timer)));
    }
    Cursor rows =
        q.topK() == null
            ? reads.query(q.read(), x.params(), x.maxRows(), timer)
            : reads.topK(
                q.topK(),
                planner.vectorIndexes(),
                settings.get().efSearch(),
                x.params(),
                x.maxRows(),
                timer);
    return new Result.Rows(rows);
  }

  /** A fresh value of the sequence as this session's schema defines it (see SequenceDef). */
  private long nextValue(String sequence) throws SQLException {
    SequenceDef def = scope.catalog().sequences().get(sequence);
    if (def == null) {
      throw Errors.of(SqlState.UNDEFINED_TABLE, "sequence '" + sequence + "' does not exist");
    }
    return store.reserveIds(def.increment());
  }

  private Result channel(Plan.Channel c) {
    switch (c.command()) {
      case LISTEN -> channels.listen(c.channel());
      case UNLISTEN -> channels.unlisten(c.channel());
      case NOTIFY -> channels.notify(c.channel(), c.payload(), !scope.eachStatementCommits());
    }
    return none();
  }

  private Result ddl(Plan.Ddl ddl, int timeoutSeconds) throws SQLException {
    scope.checkWritable();
    scope.write(
        settings.get().writerWait(timeoutSeconds),
        t -> {
          boolean applied = DdlExecutor.apply(t, ddl);
          if (applied && ddl.fill() != null) {
            // CREATE TABLE AS: the query's rows, as operations of the same transaction
            Catalog source = temps.withTables(t.catalog(), ddl.fill());
            Plan fill = planner.plan(ddl.fill(), source, false);
            if (fill instanceof Plan.Write w) {
              WriteExecutor in =
                  new WriteExecutor(t, List.of(), timeoutSeconds, interrupts::running);
              List<String> read = LocalTables.of(source);
              temps.copies().around(t.connection(), read, () -> in.execute(w.kind(), null));
            }
          }
          return new WriteResult(0, List.of(), List.of());
        },
        false,
        true);
    awaitIndexBuilt(ddl, timeoutSeconds);
    return none();
  }

  private Result write(Plan.Write w, Execution x) throws SQLException {
    scope.checkWritable();
    List<String> reported = w.returning() != null ? w.returning() : x.generatedKeys();
    WriteResult r;
    ConflictResolution resolution = w.resolution();
    try {
      r =
          scope.write(
              settings.get().writerWait(x.timeoutSeconds()),
              t -> {
                try {
                  return temps
                      .copies()
                      .around(t.connection(), x.temps(), () -> writeIn(t, w, x, reported));
                } catch (SQLException e) {
                  // OR FAIL keeps the rows changed before the violating one
                  throw resolution == ConflictResolution.FAIL && violation(e)
                      ? TriggerFail.keeping(e)
                      : e;
                }
              },
              true,
              // a trigger's writes join the statement's: all of them or none
              !w.kind().singleOperation()
                  || !scope.catalog().triggers().isEmpty()
                  || !x.temps().isEmpty());
    } catch (SQLException e) {
      if (TriggerRollback.in(e) || resolution == ConflictResolution.ROLLBACK && violation(e)) {
        scope.rollback(); // as in SQLite, the transaction goes with the statement
      }
      throw e;
    }
    counters.record(r);
    if (w.returning() != null) {
      return new Result.Rows(new ListCursor(r.keyColumns(), r.keys()));
    }
    Cursor keys = x.generatedKeys() == null ? null : new ListCursor(r.keyColumns(), r.keys());
    return new Result.Count(r.count(), keys);
  }

  private WriteResult writeIn(WriteTxn t, Plan.Write w, Execution x, List<String> reported)
      throws SQLException {
    return new WriteExecutor(t, x.params(), x.timeoutSeconds(), interrupts::running, counters)
        .withTriggers(triggers(x.timeoutSeconds()))
        .resolving(w.resolution())
        .execute(w.kind(), reported);
  }

  /** A constraint violation (class 23), which SQLite's conflict clauses resolve. */
  private static boolean violation(SQLException e) {
    return e.getSQLState() != null && e.getSQLState().startsWith("23") && !TriggerFail.in(e);
  }

  /** Fires triggers for the rows a statement of this session writes. */
  TriggerRunner triggers(int timeoutSeconds) {
    return new TriggerRunner(
        (sql, catalog) -> planner.plan(sql, catalog, scope.committed(catalog)),
        timeoutSeconds,
        interrupts::running);
  }

  /** A live subscription of this session, over committed data. */
  LiveSubscription subscribe(Plan.Subscribe sub, List<Object> params) throws SQLException {
    return subscriptions.open(sub.query(), params, settings.get().liveBuffer());
  }

  /**
   * CREATE INDEX … USING hnsw returns once the index is built (the store's index service builds it
   * from the change feed), as CREATE INDEX does in any database; inside a transaction it is built
   * after the commit.
   */
  private void awaitIndexBuilt(Plan.Ddl ddl, int timeoutSeconds) throws SQLException {
    HnswIndexes indexes = planner.vectorIndexes();
    if (indexes == null
        || scope.open() != null
        || !(ddl.change() instanceof SchemaChange.CreateIndex ci)
        || !HnswOptions.isHnsw(ci.index())) {
      return;
    }
    long wait = timeoutSeconds > 0 ? timeoutSeconds * 1000L : INDEX_BUILD_WAIT_MILLIS;
    try {
      indexes.awaitCurrent(store.lastSeq(), wait);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw Errors.of(
          SqlState.QUERY_CANCELED,
          "interrupted while index " + ci.index().name() + " was built",
          e);
    }
  }

  private static Result rows(List<ColumnMeta> columns, List<Object[]> rows) {
    return new Result.Rows(new ListCursor(columns, new ArrayList<>(rows)));
  }

  private static Result none() {
    return new Result.Count(0, null);
  }
}
