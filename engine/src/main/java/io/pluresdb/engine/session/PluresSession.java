package io.pluresdb.engine.session;

import io.pluresdb.crdt.error.Errors;
import io.pluresdb.crdt.error.SqlState;
import io.pluresdb.crdt.schema.Catalog;
import io.pluresdb.crdt.schema.SchemaChange;
import io.pluresdb.crdt.schema.SequenceDef;
import io.pluresdb.crdt.store.Store;
import io.pluresdb.crdt.store.WriteTxn;
import io.pluresdb.engine.api.BatchResult;
import io.pluresdb.engine.api.Cursor;
import io.pluresdb.engine.api.ListCursor;
import io.pluresdb.engine.api.Result;
import io.pluresdb.engine.api.Session;
import io.pluresdb.engine.exec.Binder;
import io.pluresdb.engine.exec.DdlExecutor;
import io.pluresdb.engine.exec.WriteExecutor;
import io.pluresdb.engine.exec.WriteResult;
import io.pluresdb.engine.live.ChannelInbox;
import io.pluresdb.engine.live.LiveCursor;
import io.pluresdb.engine.live.LiveSubscription;
import io.pluresdb.engine.vector.HnswIndexes;
import io.pluresdb.engine.vector.TopKSearch;
import io.pluresdb.sql.live.LiveCompiler;
import io.pluresdb.sql.plan.Plan;
import io.pluresdb.sql.plan.Prepared;
import io.pluresdb.sql.read.ColumnMeta;
import io.pluresdb.sql.read.ReadPlan;
import io.pluresdb.sql.vector.HnswOptions;
import io.pluresdb.sql.vector.VectorTopK;
import java.sql.BatchUpdateException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;

/**
 * A session: auto-commit or one manual transaction at a time, a lazily opened SQLite reader with
 * its cached prepared statements, and cancellation. Reads inside the transaction run on the store's
 * writer connection, so they see the transaction's own writes; their prepared statements are cached
 * for the transaction's life only, because the writer connection is shared by every session and
 * belongs to whichever holds the writer permit.
 *
 * <p>Not thread-safe: one JDBC connection calls it at a time. {@link #cancel()} may be called from
 * any thread; it only interrupts the running SQLite statement (see {@link Interrupter}).
 */
public final class PluresSession implements Session {
  /** How long a statement waits for the store's one writer unless told otherwise. */
  private static final Duration WRITER_WAIT = Duration.ofSeconds(30);

  /** The HNSW search's candidate list size unless the connection or SET ef_search says. */
  public static final int DEFAULT_EF_SEARCH = 40;

  private static final int MAX_EF_SEARCH = 4096;

  /** How long CREATE INDEX … USING hnsw waits for the build unless a query timeout is set. */
  private static final long INDEX_BUILD_WAIT_MILLIS = 3_600_000L;

  private final Planner planner;
  private final Store store;
  private final StatementCache statements = new StatementCache(64);

  /** Statements on the writer connection, valid while {@link #txn} is open. */
  private final StatementCache txnStatements = new StatementCache(64);

  private Connection reader;
  private WriteTxn txn;
  private boolean autoCommit = true;
  private boolean explicitTransaction;
  private boolean readOnly;
  private volatile boolean closed; // volatile: subscribe() may run on any thread
  private Duration writerWait = WRITER_WAIT;
  private int efSearch = DEFAULT_EF_SEARCH;
  private final Interrupter interrupts;
  private final ChannelInbox channels;

  /** Open subscriptions (cursors and listeners), ended when the session closes. */
  private final Set<LiveSubscription> subscriptions = ConcurrentHashMap.newKeySet();

  private volatile int liveBuffer = 10_000;

  public PluresSession(Planner planner) {
    this.planner = planner;
    this.store = planner.store();
    this.channels = new ChannelInbox(store, planner.runtime().serial());
    this.interrupts = new Interrupter(planner.runtime().timer());
  }

  @Override
  public Prepared prepare(String sql) throws SQLException {
    ensureOpen();
    return plan(sql);
  }

  private Plan plan(String sql) throws SQLException {
    Catalog catalog = catalog();
    boolean committedSchema = txn == null || catalog.version() == store.catalog().version();
    return planner.plan(sql, catalog, committedSchema);
  }

  @Override
  public Result execute(
      Prepared statement,
      List<Object> params,
      List<String> generatedKeys,
      int timeoutSeconds,
      long maxRows)
      throws SQLException {
    ensureOpen();
    // The cache answers with the same plan while the schema is unchanged, else a fresh one.
    Plan plan = plan(statement.sql());
    if (plan instanceof Plan.Subscribe sub) {
      // next() enforces the timeout itself, per row: a live cursor has no end to time.
      LiveSubscription s = open(sub, params);
      return new Result.Rows(new LiveCursor(s, timeoutSeconds));
    }
    interrupts.reset();
    ScheduledFuture<?> timer = timeoutSeconds > 0 ? interrupts.timeoutAfter(timeoutSeconds) : null;
    boolean handedToCursor = false;
    try {
      Result r = dispatch(plan, params, generatedKeys, timeoutSeconds, maxRows, timer);
      handedToCursor = r instanceof Result.Rows && timer != null;
      return r;
    } finally {
      if (timer != null && !handedToCursor) {
        timer.cancel(false);
      }
    }
  }

  private Result dispatch(
      Plan plan,
      List<Object> params,
      List<String> generatedKeys,
      int timeoutSeconds,
      long maxRows,
      ScheduledFuture<?> timer)
      throws SQLException {
    if (plan instanceof Plan.Query q) {
      if (q.locks() && !readOnly && !(autoCommit && !explicitTransaction)) {
        transaction(timeoutSeconds); // see LockingClause
      }
      return new Result.Rows(
          q.topK() == null
              ? query(q.read(), params, maxRows, timer)
              : vectorQuery(q.topK(), params, maxRows, timer));
    }
    if (plan instanceof Plan.Explain e) {
      List<Object[]> rows = new ArrayList<>();
      for (String line : e.lines()) {
        rows.add(new Object[] {line});
      }
      return new Result.Rows(new ListCursor(e.columns(), rows));
    }
    if (plan instanceof Plan.Setting setting) {
      set(setting);
      return new Result.Count(0, null);
    }
    if (plan instanceof Plan.SequenceValue s) {
      List<Object[]> rows = new ArrayList<>();
      rows.add(new Object[] {nextValue(s.sequence())});
      return new Result.Rows(new ListCursor(s.columns(), rows));
    }
    if (plan instanceof Plan.Transaction t) {
      transactionControl(t.command());
      return new Result.Count(0, null);
    }
    if (plan instanceof Plan.Channel c) {
      channel(c);
      return new Result.Count(0, null);
    }
    if (readOnly) {
      throw Errors.of(
          SqlState.READ_ONLY_SQL_TRANSACTION, "cannot execute a write in a read-only session");
    }
    if (plan instanceof Plan.Ddl ddl) {
      write(
          timeoutSeconds,
          t -> {
            DdlExecutor.apply(t, ddl);
            return new WriteResult(0, List.of(), List.of());
          },
          false,
          true);
      awaitIndexBuilt(ddl, timeoutSeconds);
      return new Result.Count(0, null);
    }
    Plan.Write w = (Plan.Write) plan;
    List<String> reported = w.returning() != null ? w.returning() : generatedKeys;
    WriteResult r =
        write(
            timeoutSeconds,
            t ->
                new WriteExecutor(t, params, timeoutSeconds, interrupts::running)
                    .execute(w.kind(), reported),
            true,
            !w.kind().singleOperation());
    if (w.returning() != null) {
      return new Result.Rows(new ListCursor(r.keyColumns(), r.keys()));
    }
    Cursor keys = generatedKeys == null ? null : new ListCursor(r.keyColumns(), r.keys());
    return new Result.Count(r.count(), keys);
  }

  /** A fresh value of the sequence as this session's schema defines it (see SequenceDef). */
  private long nextValue(String sequence) throws SQLException {
    SequenceDef def = catalog().sequences().get(sequence);
    if (def == null) {
      throw Errors.of(SqlState.UNDEFINED_TABLE, "sequence '" + sequence + "' does not exist");
    }
    return store.reserveIds(def.increment());
  }

  @Override
  public BatchResult executeBatch(
      Prepared statement, List<List<Object>> rows, List<String> generatedKeys, int timeoutSeconds)
      throws SQLException {
    ensureOpen();
    Plan plan = plan(statement.sql());
    if (!(plan instanceof Plan.Write w) || w.returning() != null || readOnly || rows.isEmpty()) {
      return executeEach(statement, rows, generatedKeys, timeoutSeconds);
    }
    interrupts.reset();
    ScheduledFuture<?> timer = timeoutSeconds > 0 ? interrupts.timeoutAfter(timeoutSeconds) : null;
    boolean own = autoCommit && !explicitTransaction;
    WriteTxn t = own ? store.beginWrite(writerWait(timeoutSeconds)) : transaction(timeoutSeconds);
    long[] counts = new long[rows.size()];
    List<Object[]> keys = new ArrayList<>();
    List<ColumnMeta> keyColumns = List.of();
    boolean needsMark = !w.kind().singleOperation();
    int i = 0;
    try {
      for (; i < counts.length; i++) {
        List<Object> row = rows.get(i);
        WriteResult r =
            atomically(
                t,
                needsMark,
                x ->
                    new WriteExecutor(x, row, timeoutSeconds, interrupts::running)
                        .execute(w.kind(), generatedKeys));
        counts[i] = r.count();
        keyColumns = r.keyColumns();
        keys.addAll(r.keys());
      }
    } catch (SQLException e) {
      SQLException cause = interrupts.map(e);
      finishBatch(own, t);
      throw batchFailure(i, counts, cause);
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
    finishBatch(own, t);
    return new BatchResult(counts, generatedKeys == null ? null : new ListCursor(keyColumns, keys));
  }

  /** Commits (and ends) a batch's own auto-commit transaction; a session transaction stays open. */
  private static void finishBatch(boolean own, WriteTxn t) throws SQLException {
    if (own) {
      try (t) {
        t.commit();
      }
    }
  }

  /** A batch of statements that are not plain writes: each row executed as its own statement. */
  private BatchResult executeEach(
      Prepared statement, List<List<Object>> rows, List<String> generatedKeys, int timeoutSeconds)
      throws SQLException {
    long[] counts = new long[rows.size()];
    List<Object[]> keys = new ArrayList<>();
    List<ColumnMeta> keyColumns = List.of();
    for (int i = 0; i < counts.length; i++) {
      try {
        Result r = execute(statement, rows.get(i), generatedKeys, timeoutSeconds, 0);
        if (!(r instanceof Result.Count c)) {
          ((Result.Rows) r).cursor().close();
          throw Errors.of(
              SqlState.FUNCTION_SEQUENCE_ERROR,
              "a statement in a batch returned rows: " + statement.sql());
        }
        counts[i] = c.count();
        if (c.generatedKeys() != null) {
          try (Cursor k = c.generatedKeys()) {
            keyColumns = k.columns();
            while (k.next()) {
              Object[] row = new Object[keyColumns.size()];
              for (int j = 0; j < row.length; j++) {
                row[j] = k.get(j + 1);
              }
              keys.add(row);
            }
          }
        }
      } catch (SQLException e) {
        throw batchFailure(i, counts, e);
      }
    }
    return new BatchResult(counts, generatedKeys == null ? null : new ListCursor(keyColumns, keys));
  }

  /** Work done inside a write transaction. */
  @FunctionalInterface
  private interface Work {
    WriteResult run(WriteTxn txn) throws SQLException;
  }

  /**
   * Runs work in its own auto-commit transaction or in the session's transaction. In the latter,
   * the statement is wrapped in a savepoint ({@code needsMark}) unless it makes a single atomic
   * store call: a savepoint costs two SQLite statements, which batched inserts should not pay.
   */
  private WriteResult write(int timeoutSeconds, Work work, boolean mapErrors, boolean needsMark)
      throws SQLException {
    if (autoCommit && !explicitTransaction) {
      try (WriteTxn t = store.beginWrite(writerWait(timeoutSeconds))) {
        WriteResult r = work.run(t);
        t.commit();
        return r;
      } catch (SQLException e) {
        throw mapErrors ? interrupts.map(e) : e;
      }
    }
    WriteTxn t = transaction(timeoutSeconds);
    try {
      return atomically(t, needsMark, work);
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
  private static WriteResult atomically(WriteTxn t, boolean needsMark, Work work)
      throws SQLException {
    if (!needsMark) {
      return work.run(t);
    }
    int mark = t.mark();
    try {
      WriteResult r = work.run(t);
      t.release(mark);
      return r;
    } catch (SQLException | RuntimeException e) {
      t.rollbackTo(mark);
      t.release(mark);
      throw e;
    }
  }

  /** The failure of batch row {@code index}, with the counts of the rows before it. */
  private static BatchUpdateException batchFailure(int index, long[] counts, SQLException cause) {
    return new BatchUpdateException(
        "batch item " + (index + 1) + " failed: " + cause.getMessage(),
        cause.getSQLState(),
        cause.getErrorCode(),
        Arrays.copyOf(counts, index),
        cause);
  }

  private WriteTxn transaction(int timeoutSeconds) throws SQLException {
    if (txn == null) {
      txn = store.beginWrite(writerWait(timeoutSeconds));
    }
    return txn;
  }

  /** The session's writer wait, capped by the statement's query timeout when one is set. */
  private Duration writerWait(int timeoutSeconds) {
    if (timeoutSeconds <= 0) {
      return writerWait;
    }
    Duration statement = Duration.ofSeconds(timeoutSeconds);
    return statement.compareTo(writerWait) < 0 ? statement : writerWait;
  }

  @Override
  public void setWriterWait(Duration wait) throws SQLException {
    if (wait == null || wait.isNegative()) {
      throw Errors.of(
          SqlState.INVALID_PARAMETER_VALUE, "the writer wait must be zero or more, got " + wait);
    }
    this.writerWait = wait;
  }

  private Cursor query(ReadPlan plan, List<Object> params, long maxRows, ScheduledFuture<?> timer)
      throws SQLException {
    StatementCache cache = txn == null ? statements : txnStatements;
    PreparedStatement ps =
        cache.acquire(txn == null ? reader() : txn.connection(), plan.sqliteSql());
    boolean ok = false;
    try {
      Binder.bind(ps, plan, params);
      interrupts.running(ps);
      java.sql.ResultSet rs;
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

  private void channel(Plan.Channel c) {
    switch (c.command()) {
      case LISTEN -> channels.listen(c.channel());
      case UNLISTEN -> channels.unlisten(c.channel());
      case NOTIFY -> channels.notify(c.channel(), c.payload(), !autoCommit || explicitTransaction);
    }
  }

  private LiveSubscription open(Plan.Subscribe sub, List<Object> params) throws SQLException {
    LiveSubscription s = planner.live().open(sub.query(), params, liveBuffer);
    subscriptions.add(s);
    s.whenEnded(() -> subscriptions.remove(s));
    if (closed) { // closed meanwhile by another thread: the subscription must not outlive it
      s.close();
    }
    return s;
  }

  @Override
  public LiveSubscription subscribe(String sql, List<Object> params) throws SQLException {
    ensureOpen();
    Plan plan = planner.plan(LiveCompiler.asSubscribe(sql), store.catalog(), true);
    if (!(plan instanceof Plan.Subscribe sub)) {
      throw Errors.of(SqlState.SYNTAX_ERROR, "a subscription needs a query: " + sql);
    }
    return open(sub, params);
  }

  @Override
  public void setLiveBuffer(int changes) throws SQLException {
    if (changes < 1) {
      throw Errors.of(
          SqlState.INVALID_PARAMETER_VALUE,
          "the live buffer must hold at least 1 change, got " + changes);
    }
    liveBuffer = changes;
  }

  @Override
  public ChannelInbox channels() {
    return channels;
  }

  /**
   * A top-k query, through its HNSW index when that can answer it. The search may run several
   * statements; the timer covers them all and is cancelled when the rows are read.
   */
  private Cursor vectorQuery(
      VectorTopK topK, List<Object> params, long maxRows, ScheduledFuture<?> timer)
      throws SQLException {
    try {
      Cursor rows =
          TopKSearch.execute(
              topK,
              planner.vectorIndexes(),
              txn != null,
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

  /**
   * CREATE INDEX … USING hnsw returns once the index is built (the store's index service builds it
   * from the change feed), as CREATE INDEX does in any database; inside a transaction it is built
   * after the commit.
   */
  private void awaitIndexBuilt(Plan.Ddl ddl, int timeoutSeconds) throws SQLException {
    HnswIndexes indexes = planner.vectorIndexes();
    if (indexes == null
        || txn != null
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

  private void set(Plan.Setting setting) throws SQLException {
    // ef_search is the one setting today (the planner refuses others)
    try {
      setEfSearch(Integer.parseInt(setting.value().trim()));
    } catch (NumberFormatException e) {
      throw Errors.of(
          SqlState.INVALID_PARAMETER_VALUE,
          "ef_search must be an integer, got '" + setting.value() + "'",
          e);
    }
  }

  @Override
  public void setEfSearch(int ef) throws SQLException {
    if (ef < 1 || ef > MAX_EF_SEARCH) {
      throw Errors.of(
          SqlState.INVALID_PARAMETER_VALUE,
          "ef_search must be from 1 to " + MAX_EF_SEARCH + ", got " + ef);
    }
    this.efSearch = ef;
  }

  @Override
  public int efSearch() {
    return efSearch;
  }

  @Override
  public void cancel() {
    interrupts.cancel();
  }

  private void transactionControl(Plan.TxnCommand command) throws SQLException {
    switch (command) {
      case BEGIN -> {
        if (explicitTransaction || !autoCommit) {
          if (txn != null) {
            throw Errors.of(
                SqlState.ACTIVE_SQL_TRANSACTION, "there is already a transaction in progress");
          }
        }
        explicitTransaction = autoCommit;
      }
      case COMMIT -> commit();
      case ROLLBACK -> rollback();
    }
  }

  @Override
  public boolean autoCommit() {
    return autoCommit;
  }

  @Override
  public void setAutoCommit(boolean autoCommit) throws SQLException {
    ensureOpen();
    if (autoCommit && !this.autoCommit) {
      commit();
    }
    this.autoCommit = autoCommit;
  }

  @Override
  public void commit() throws SQLException {
    ensureOpen();
    WriteTxn t = txn;
    txn = null;
    explicitTransaction = false;
    if (t != null) {
      // The statements go first, while the permit still makes the writer connection this
      // session's; should closing one fail, closing the transaction rolls it back.
      try (t) {
        txnStatements.retire();
        t.commit();
      }
    }
    channels.commit();
  }

  @Override
  public void rollback() throws SQLException {
    ensureOpen();
    WriteTxn t = txn;
    txn = null;
    explicitTransaction = false;
    channels.rollback();
    if (t != null) {
      try {
        txnStatements.retire();
      } finally {
        t.rollback();
      }
    }
  }

  @Override
  public boolean readOnly() {
    return readOnly;
  }

  @Override
  public void setReadOnly(boolean readOnly) throws SQLException {
    ensureOpen();
    if (readOnly && txn != null) {
      throw Errors.of(
          SqlState.ACTIVE_SQL_TRANSACTION,
          "cannot make the session read-only while a transaction has uncommitted writes");
    }
    this.readOnly = readOnly;
  }

  @Override
  public boolean inTransaction() {
    return txn != null;
  }

  @Override
  public Catalog catalog() {
    return txn != null ? txn.catalog() : store.catalog();
  }

  private Connection reader() throws SQLException {
    if (reader == null) {
      reader = store.openReader();
    }
    return reader;
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
    SQLException gone = Errors.of(SqlState.CONNECTION_DOES_NOT_EXIST, "the connection is closed");
    for (LiveSubscription s : List.copyOf(subscriptions)) {
      s.end(gone);
    }
    subscriptions.clear();
    channels.close();
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
    }
    try {
      txnStatements.closeAll();
      statements.closeAll();
      if (reader != null) {
        reader.close();
      }
    } catch (SQLException e) {
      if (failure == null) {
        failure = e;
      } else {
        failure.addSuppressed(e);
      }
    }
    if (failure != null) {
      throw failure;
    }
  }
}
