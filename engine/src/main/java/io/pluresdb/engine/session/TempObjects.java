package io.pluresdb.engine.session;

import io.pluresdb.crdt.schema.Catalog;
import io.pluresdb.engine.api.Cursor;
import io.pluresdb.engine.api.Result;
import io.pluresdb.sql.catalog.SystemTables;
import io.pluresdb.sql.plan.Plan;
import io.pluresdb.sql.plan.TempRouting;
import io.pluresdb.sql.read.ColumnMeta;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.temporal.TemporalAccessor;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ScheduledFuture;

/**
 * A session's TEMP objects (see {@link TempRouting}): they live in the TEMP schema of the session's
 * own SQLite connection, the one its reads run on, so they are visible to this session alone, never
 * reach the log or another node, and disappear when the session closes that connection. The
 * statements that touch them run there as written, with SQLite's answers; replicated tables they
 * join are read as committed (a write of this session's open transaction is not seen there). TEMP
 * changes made inside the session's transaction are kept or undone with it (see {@link
 * #transactionEnded}).
 *
 * <p>Not thread-safe: used by its session's one caller at a time.
 */
final class TempObjects {
  private final ReadExecutor reads;
  private final Interrupter interrupts;

  /** The reader's savepoint that holds the TEMP changes of the session's open transaction. */
  private static final String SAVEPOINT = "pluresdb_temp";

  private final TransactionScope scope;

  /** True while {@link #SAVEPOINT} is open: the session's transaction changed TEMP objects. */
  private boolean inTransaction;

  /** The last savepoint number {@link #mark} used in this session. */
  private int marks;

  /** The TEMP schema's names (tables, views, indexes), lower case: SQLite matches them so. */
  private Set<String> names = Set.of();

  /** The TEMP tables among {@link #names}, which replicated statements may read (TempCopies). */
  private Set<String> tables = Set.of();

  private final TempCopies copies;

  TempObjects(ReadExecutor reads, Interrupter interrupts, TransactionScope scope) {
    this.copies = new TempCopies(reads);
    this.reads = reads;
    this.interrupts = interrupts;
    this.scope = scope;
  }

  /** The plan of a statement on TEMP objects, or null for one that the planner plans. */
  Plan.Local plan(String sql) throws SQLException {
    TempRouting.Kind kind = TempRouting.route(sql, names);
    if (kind == null) {
      return null;
    }
    try (PreparedStatement ps = reads.reader().prepareStatement(sql)) {
      ResultSetMetaData md = ps.getMetaData();
      int n = kind == TempRouting.Kind.DDL ? 0 : columnCount(md);
      List<ColumnMeta> columns =
          n == 0 ? List.of() : TempColumns.describe(md, TempColumns.visible(md, n, names));
      return new Plan.Local(sql, kind, columns, ps.getParameterMetaData().getParameterCount());
    } catch (SQLException e) {
      throw interrupts.map(e);
    }
  }

  /** How many columns SQLite reports; sqlite-jdbc refuses to count none. */
  private static int columnCount(ResultSetMetaData md) {
    try {
      return md == null ? 0 : md.getColumnCount();
    } catch (SQLException none) {
      return 0;
    }
  }

  /**
   * {@code catalog} with a view of each TEMP table {@code sql} names, for a replicated statement
   * that reads them (see {@link TempCopies}), or {@code catalog} itself.
   */
  Catalog withTables(Catalog catalog, String sql) throws SQLException {
    return copies.locals(catalog, sql, tables);
  }

  /** The copies that let a replicated statement read TEMP tables on another connection. */
  TempCopies copies() {
    return copies;
  }

  /** True when the session has TEMP objects, whose names may route any statement here. */
  boolean any() {
    return !names.isEmpty();
  }

  /** Runs a TEMP statement on the session's connection. */
  Result run(Plan.Local plan, List<Object> params, long maxRows, ScheduledFuture<?> timer)
      throws SQLException {
    Connection c = reads.reader();
    PreparedStatement ps = c.prepareStatement(plan.sql());
    boolean handed = false;
    try {
      for (int i = 0; i < params.size(); i++) {
        ps.setObject(i + 1, sqliteValue(params.get(i)));
      }
      if (plan.kind() != TempRouting.Kind.QUERY) {
        joinTransaction(c);
      }
      interrupts.running(ps);
      boolean rows;
      try {
        rows = ps.execute();
      } catch (SQLException e) {
        throw interrupts.map(e);
      }
      if (plan.kind() == TempRouting.Kind.DDL) {
        refresh(c);
      }
      if (rows && plan.returnsRows()) {
        ResultSet rs = ps.getResultSet();
        ResultSetMetaData md = rs.getMetaData();
        int count = md.getColumnCount();
        int[] shown = TempColumns.visible(md, count, names);
        handed = true;
        Cursor cursor =
            new SqliteCursor(
                rs,
                TempColumns.spread(plan.columns(), shown, count),
                new boolean[count],
                maxRows,
                interrupts::map,
                () -> {
                  interrupts.running(null);
                  if (timer != null) {
                    timer.cancel(false);
                  }
                  ps.close();
                });
        return new Result.Rows(
            shown.length == count ? cursor : TempColumns.project(cursor, plan.columns(), shown));
      }
      return new Result.Count(Math.max(ps.getUpdateCount(), 0), null);
    } finally {
      if (!handed) {
        interrupts.running(null);
        ps.close();
      }
    }
  }

  /**
   * Before a TEMP write or DDL inside the session's transaction: opens a savepoint on the reader
   * (once per transaction), so that the transaction's end keeps or undoes the TEMP changes with its
   * own, as SQLite does for a connection's TEMP schema.
   */
  private void joinTransaction(Connection c) throws SQLException {
    if (!inTransaction && !scope.eachStatementCommits()) {
      try (Statement s = c.createStatement()) {
        s.execute("SAVEPOINT " + SAVEPOINT);
      }
      inTransaction = true;
    }
  }

  /**
   * A mark of the TEMP changes for a savepoint the session sets now: a savepoint on the reader
   * inside the one holding the transaction's TEMP changes, or -1 while the transaction has made no
   * TEMP change yet (rolling back to such a savepoint undoes all of them).
   */
  int mark() throws SQLException {
    if (!inTransaction) {
      return -1;
    }
    int mark = ++marks;
    try (Statement s = reads.reader().createStatement()) {
      s.execute("SAVEPOINT " + SAVEPOINT + "_" + mark);
    }
    return mark;
  }

  /**
   * ROLLBACK TO a savepoint whose {@link #mark} was {@code mark}: undoes the TEMP changes made
   * since, as SQLite does, and reads the TEMP names again.
   */
  void rollbackTo(int mark) throws SQLException {
    if (!inTransaction) {
      return;
    }
    Connection c = reads.reader();
    try (Statement s = c.createStatement()) {
      s.execute("ROLLBACK TO " + SAVEPOINT + (mark < 0 ? "" : "_" + mark));
    }
    refresh(c);
  }

  /** RELEASE of a savepoint whose {@link #mark} was {@code mark}: its TEMP changes stay. */
  void release(int mark) throws SQLException {
    if (inTransaction && mark >= 0) {
      try (Statement s = reads.reader().createStatement()) {
        s.execute("RELEASE " + SAVEPOINT + "_" + mark);
      }
    }
  }

  /**
   * The session's transaction ended: its TEMP changes are kept ({@code committed}) or undone, and
   * the TEMP names read again, since a rolled-back CREATE or DROP is undone too.
   */
  void transactionEnded(boolean committed) throws SQLException {
    if (!inTransaction) {
      return;
    }
    inTransaction = false;
    Connection c = reads.reader();
    try (Statement s = c.createStatement()) {
      if (!committed) {
        s.execute("ROLLBACK TO " + SAVEPOINT);
      }
      s.execute("RELEASE " + SAVEPOINT);
    }
    if (!committed) {
      refresh(c);
    }
  }

  /** Reads the TEMP schema's names again after a statement that may have changed them. */
  private void refresh(Connection c) throws SQLException {
    Set<String> now = new HashSet<>();
    Set<String> tablesNow = new HashSet<>();
    try (PreparedStatement ps =
            c.prepareStatement(
                "SELECT name, type FROM sqlite_temp_schema"
                    + " WHERE name NOT LIKE 'sqlite\\_%' ESCAPE '\\'");
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        String name = rs.getString(1).toLowerCase(Locale.ROOT);
        now.add(name);
        if ("table".equals(rs.getString(2))) {
          tablesNow.add(name);
        }
      }
    }
    tables = Set.copyOf(tablesNow);
    // the node's own TEMP views on every store connection, which the planner answers
    now.remove(SystemTables.SYS_PEERS);
    now.remove(SystemTables.SYS_HISTORY);
    now.remove(SystemTables.SYS_CONFLICTS);
    now.remove(SystemTables.SYS_POLICIES);
    names = Set.copyOf(now);
  }

  /** A parameter as SQLite stores it when written by hand: numbers, text and blobs. */
  private static Object sqliteValue(Object v) {
    if (v instanceof Boolean b) {
      return b ? 1L : 0L;
    } else if (v instanceof BigDecimal d) {
      return d.scale() <= 0 && d.precision() < 19 ? (Object) d.longValue() : d.doubleValue();
    } else if (v instanceof TemporalAccessor || v instanceof Character) {
      return v.toString();
    }
    return v;
  }
}
