package io.pluresdb.engine.trigger;

import io.pluresdb.crdt.error.Errors;
import io.pluresdb.crdt.error.SqlState;
import io.pluresdb.crdt.error.SqliteStates;
import io.pluresdb.crdt.schema.Catalog;
import io.pluresdb.crdt.schema.ColumnDef;
import io.pluresdb.crdt.schema.Names;
import io.pluresdb.crdt.schema.TableDef;
import io.pluresdb.crdt.schema.TriggerDef;
import io.pluresdb.crdt.store.WriteTxn;
import io.pluresdb.crdt.value.Values;
import io.pluresdb.engine.exec.RowTriggers;
import io.pluresdb.engine.exec.StatementWatch;
import io.pluresdb.engine.exec.WriteExecutor;
import io.pluresdb.sql.plan.Plan;
import io.pluresdb.sql.trigger.TriggerProgram;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Fires triggers for the rows one statement changes, as SQLite does with {@code recursive_triggers}
 * off (its default): a trigger that is already running is not fired again by its own body's writes,
 * while the triggers of other tables are. The body's INSERT, UPDATE and DELETE statements are
 * planned by the session's planner and executed by a {@link WriteExecutor} in the same transaction,
 * so their changes are ordinary operations: they replicate as data, and a node applying them never
 * fires the trigger again.
 *
 * <p>Not thread-safe: one instance per statement execution.
 */
public final class TriggerRunner implements RowTriggers {
  /** Plans a body statement against the catalog the transaction sees. */
  @FunctionalInterface
  public interface BodyPlanner {
    Plan plan(String sql, Catalog catalog) throws SQLException;
  }

  private final BodyPlanner planner;
  private final int timeoutSeconds;
  private final StatementWatch watch;
  private final Set<String> running = new HashSet<>();
  private final Map<TriggerDef, TriggerProgram> programs = new HashMap<>();

  public TriggerRunner(BodyPlanner planner, int timeoutSeconds, StatementWatch watch) {
    this.planner = planner;
    this.timeoutSeconds = timeoutSeconds;
    this.watch = watch;
  }

  @Override
  public boolean any(Catalog catalog, String table, String event) {
    for (TriggerDef t : catalog.triggers().values()) {
      if (Names.same(t.table(), table) && t.event().equals(event) && !running.contains(t.name())) {
        return true;
      }
    }
    return false;
  }

  @Override
  public boolean fire(
      WriteTxn txn,
      String timing,
      String event,
      TableDef table,
      Object @Nullable [] old,
      Object @Nullable [] row,
      int @Nullable [] assigned)
      throws SQLException {
    List<TriggerDef> due = new ArrayList<>();
    for (TriggerDef t : txn.catalog().triggersOf(table.name())) {
      if (t.timing().equals(timing)
          && t.event().equals(event)
          && !running.contains(t.name())
          && assigns(t, table, assigned)) {
        due.add(t);
      }
    }
    due.sort(Comparator.comparing(TriggerDef::name));
    for (TriggerDef t : due) {
      TriggerProgram p = programs.get(t);
      if (p == null) {
        p = TriggerProgram.compile(t, table.columns());
        programs.put(t, p);
      }
      if (!run(txn, p, table.columns(), old, row)) {
        return false;
      }
    }
    return true;
  }

  /** UPDATE OF fires only when the statement assigns one of the listed columns. */
  private static boolean assigns(TriggerDef t, TableDef table, int @Nullable [] assigned) {
    if (t.columns().isEmpty() || assigned == null) {
      return true;
    }
    for (int c : assigned) {
      if (t.columns().contains(table.columns().get(c).name())) {
        return true;
      }
    }
    return false;
  }

  /** Runs one trigger for one row; false when RAISE(IGNORE) abandoned the row. */
  private boolean run(
      WriteTxn txn,
      TriggerProgram p,
      List<ColumnDef> columns,
      Object @Nullable [] old,
      Object @Nullable [] row)
      throws SQLException {
    if (p.when() != null && !holds(txn, p.when(), columns, old, row)) {
      return true;
    }
    String name = p.trigger().name();
    running.add(name);
    try {
      for (TriggerProgram.Step step : p.body()) {
        if (step.write()) {
          if (!write(txn, step, params(step, old, row), name)) {
            return false;
          }
        } else if (step.raises() && !select(txn, step, columns, old, row)) {
          return false;
        }
      }
      return true;
    } finally {
      running.remove(name);
    }
  }

  /** Runs a body write; false when a RAISE(IGNORE) in it abandoned the row. */
  private boolean write(WriteTxn txn, TriggerProgram.Step step, List<Object> params, String name)
      throws SQLException {
    Plan plan = planner.plan(step.sql(), txn.catalog());
    if (!(plan instanceof Plan.Write w) || w.returning() != null) {
      throw Errors.of(
          SqlState.SYNTAX_ERROR,
          "trigger '" + name + "' may run INSERT, UPDATE, DELETE and SELECT only: " + step.sql());
    }
    try {
      new WriteExecutor(txn, params, timeoutSeconds, watch)
          .withTriggers(this)
          .execute(w.kind(), null);
      return true;
    } catch (SQLException e) {
      String raised = step.raises() ? RaiseFunction.raised(e) : null;
      if (raised == null) {
        throw e;
      }
      return raise(raised);
    }
  }

  private static List<Object> params(
      TriggerProgram.Step step, Object @Nullable [] old, Object @Nullable [] row) {
    List<Object> params = new ArrayList<>(step.refs().size());
    for (TriggerProgram.Ref r : step.refs()) {
      Object[] source = r.isNew() ? row : old;
      params.add(source == null ? null : source[r.column()]);
    }
    return params;
  }

  private boolean holds(
      WriteTxn txn,
      TriggerProgram.Step when,
      List<ColumnDef> columns,
      Object @Nullable [] old,
      Object @Nullable [] row)
      throws SQLException {
    List<Object[]> rows = sqlite(txn, when, columns, old, row);
    return !rows.isEmpty() && rows.get(0)[0] instanceof Number n && n.longValue() != 0;
  }

  /** A SELECT holding RAISE: false for IGNORE; ABORT, FAIL and ROLLBACK fail the statement. */
  private boolean select(
      WriteTxn txn,
      TriggerProgram.Step step,
      List<ColumnDef> columns,
      Object @Nullable [] old,
      Object @Nullable [] row)
      throws SQLException {
    for (Object[] r : sqlite(txn, step, columns, old, row)) {
      for (Object v : r) {
        if (v instanceof String s
            && s.startsWith(TriggerProgram.MARK)
            && !raise(s.substring(TriggerProgram.MARK.length()))) {
          return false;
        }
      }
    }
    return true;
  }

  /**
   * What a RAISE does, given {@code kind:message}: false for IGNORE (the row is abandoned); ABORT,
   * FAIL and ROLLBACK fail the statement, each as SQLite does.
   */
  private static boolean raise(String raised) throws SQLException {
    int colon = raised.indexOf(':');
    String kind = raised.substring(0, colon);
    String message = raised.substring(colon + 1);
    switch (kind) {
      case "IGNORE" -> {
        return false;
      }
      case "ROLLBACK" -> throw new TriggerRollback(message);
      case "FAIL" -> throw new TriggerFail(message);
      default -> throw Errors.of(SqlState.INTEGRITY_CONSTRAINT_VIOLATION, message);
    }
  }

  /** Runs a step on SQLite itself, in the transaction, with the row's values bound. */
  private List<Object[]> sqlite(
      WriteTxn txn,
      TriggerProgram.Step step,
      List<ColumnDef> columns,
      Object @Nullable [] old,
      Object @Nullable [] row)
      throws SQLException {
    try (PreparedStatement ps = txn.connection().prepareStatement(step.sql())) {
      if (timeoutSeconds > 0) {
        ps.setQueryTimeout(timeoutSeconds);
      }
      for (int i = 0; i < step.refs().size(); i++) {
        TriggerProgram.Ref r = step.refs().get(i);
        Object[] source = r.isNew() ? row : old;
        Object v = source == null ? null : source[r.column()];
        if (v == null) {
          ps.setObject(i + 1, null);
        } else {
          Values.bind(ps, i + 1, v, columns.get(r.column()).type());
        }
      }
      watch.running(ps);
      List<Object[]> out = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        int n = rs.getMetaData().getColumnCount();
        while (rs.next()) {
          Object[] r = new Object[n];
          for (int c = 0; c < n; c++) {
            r[c] = rs.getObject(c + 1);
          }
          out.add(r);
        }
      } finally {
        watch.running(null);
      }
      return out;
    } catch (SQLException e) {
      throw e.getSQLState() != null ? e : SqliteStates.withState(e);
    }
  }
}
