package io.pluresdb.engine.session;

import io.pluresdb.crdt.schema.ColumnType;
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
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
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
 * join are read as committed (a write of this session's open transaction is not seen there).
 *
 * <p>Not thread-safe: used by its session's one caller at a time.
 */
final class TempObjects {
  private final ReadExecutor reads;
  private final Interrupter interrupts;

  /** The TEMP schema's names (tables, views, indexes), lower case: SQLite matches them so. */
  private Set<String> names = Set.of();

  TempObjects(ReadExecutor reads, Interrupter interrupts) {
    this.reads = reads;
    this.interrupts = interrupts;
  }

  /** The plan of a statement on TEMP objects, or null for one that the planner plans. */
  Plan.Local plan(String sql) throws SQLException {
    TempRouting.Kind kind = TempRouting.route(sql, names);
    if (kind == null) {
      return null;
    }
    try (PreparedStatement ps = reads.reader().prepareStatement(sql)) {
      List<ColumnMeta> columns = new ArrayList<>();
      ResultSetMetaData md = ps.getMetaData();
      int n = kind == TempRouting.Kind.DDL ? 0 : columnCount(md);
      for (int i = 1; i <= n; i++) {
        String label = md.getColumnLabel(i);
        // SQLite types each value itself: every value keeps its storage class
        columns.add(
            new ColumnMeta(label, md.getColumnName(i), "", ColumnType.ANY, 0, 0, true, false)
                .asDynamic());
      }
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
        handed = true;
        Cursor cursor =
            new SqliteCursor(
                rs,
                plan.columns(),
                new boolean[plan.columns().size()],
                maxRows,
                interrupts::map,
                () -> {
                  interrupts.running(null);
                  if (timer != null) {
                    timer.cancel(false);
                  }
                  ps.close();
                });
        return new Result.Rows(cursor);
      }
      return new Result.Count(Math.max(ps.getUpdateCount(), 0), null);
    } finally {
      if (!handed) {
        interrupts.running(null);
        ps.close();
      }
    }
  }

  /** Reads the TEMP schema's names again after a statement that may have changed them. */
  private void refresh(Connection c) throws SQLException {
    Set<String> now = new HashSet<>();
    try (PreparedStatement ps =
            c.prepareStatement(
                "SELECT name FROM sqlite_temp_schema WHERE name NOT LIKE 'sqlite\\_%' ESCAPE '\\'");
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        now.add(rs.getString(1).toLowerCase(Locale.ROOT));
      }
    }
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
