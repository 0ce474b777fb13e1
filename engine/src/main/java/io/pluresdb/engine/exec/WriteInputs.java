package io.pluresdb.engine.exec;

import io.pluresdb.crdt.error.Errors;
import io.pluresdb.crdt.error.SqlState;
import io.pluresdb.crdt.schema.ColumnDef;
import io.pluresdb.crdt.schema.SequenceDef;
import io.pluresdb.crdt.schema.TableDef;
import io.pluresdb.crdt.store.WriteTxn;
import io.pluresdb.crdt.value.Values;
import io.pluresdb.sql.read.ReadPlan;
import io.pluresdb.sql.write.ValueSource;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/**
 * Where a write's values come from: the statement's parameters, the plan's queries (finders, INSERT
 * ... SELECT, pushed-down expressions), column defaults, sequences and the current rows, all read
 * through the write transaction's own connection so the write sees its earlier changes.
 *
 * <p>Not thread-safe: one instance per statement execution, on the executing thread; each query is
 * reported to the {@link StatementWatch} while it runs so a cancel can interrupt it.
 */
final class WriteInputs {
  private final WriteTxn txn;
  private final List<Object> params;
  private final int timeoutSeconds;
  private final StatementWatch watch;
  private final SessionCounters session;

  WriteInputs(
      WriteTxn txn,
      List<Object> params,
      int timeoutSeconds,
      StatementWatch watch,
      SessionCounters session) {
    this.session = session;
    this.txn = txn;
    this.params = params;
    this.timeoutSeconds = timeoutSeconds;
    this.watch = watch;
  }

  /** The statement's parameter values. */
  List<Object> params() {
    return params;
  }

  /** The value {@code s} stands for; {@code row} is the found row a {@code FromRow} refers to. */
  Object value(ValueSource s, Object[] row) throws SQLException {
    if (s instanceof ValueSource.Constant c) {
      return c.value();
    }
    if (s instanceof ValueSource.Param p) {
      if (p.index() >= params.size()) {
        throw Errors.of(
            SqlState.INVALID_PARAMETER_NUMBER,
            "no value specified for parameter " + (p.index() + 1));
      }
      return params.get(p.index());
    }
    if (s instanceof ValueSource.FromRow f) {
      return row[f.column()];
    }
    if (s instanceof ValueSource.NextValue n) {
      SequenceDef def = txn.catalog().sequences().get(n.sequence());
      if (def == null) {
        throw Errors.of(SqlState.UNDEFINED_TABLE, "sequence '" + n.sequence() + "' does not exist");
      }
      return txn.reserveIds(def.increment());
    }
    if (s instanceof ValueSource.Pushed pushed) {
      List<Object[]> rows = query(pushed.query());
      return rows.isEmpty() ? null : rows.get(0)[0];
    }
    throw new IllegalStateException("unexpected value source " + s);
  }

  /** The column's default, evaluated by SQLite (it may call functions such as the time). */
  Object evaluateDefault(ColumnDef col, TableDef table) throws SQLException {
    if (col.defaultSql() == null) {
      return null;
    }
    try (PreparedStatement ps = txn.connection().prepareStatement("SELECT " + col.defaultSql());
        ResultSet rs = ps.executeQuery()) {
      rs.next();
      return Values.coerce(Values.read(rs, 1, col.type()), col, table.name());
    }
  }

  /** The current row with this key, as this transaction sees it. */
  Object[] fetchRow(TableDef table, Object[] key) throws SQLException {
    StringBuilder sql = new StringBuilder("SELECT ");
    for (int c = 0; c < table.columns().size(); c++) {
      sql.append(c == 0 ? "" : ", ").append(quote(table.columns().get(c).name()));
    }
    sql.append(" FROM \"main\".").append(quote(table.name())).append(" WHERE ");
    List<String> keyColumns = table.keyColumns();
    for (int k = 0; k < keyColumns.size(); k++) {
      sql.append(k == 0 ? "" : " AND ").append(quote(keyColumns.get(k))).append(" = ?");
    }
    try (PreparedStatement ps = txn.connection().prepareStatement(sql.toString())) {
      for (int k = 0; k < keyColumns.size(); k++) {
        ColumnDef def = table.column(keyColumns.get(k));
        if (def == null) {
          ps.setObject(k + 1, key[k]);
        } else {
          Values.bind(ps, k + 1, key[k], def.type());
        }
      }
      try (ResultSet rs = ps.executeQuery()) {
        Object[] row = new Object[table.columns().size()];
        if (rs.next()) {
          for (int c = 0; c < row.length; c++) {
            row[c] = Values.read(rs, c + 1, table.columns().get(c).type());
          }
        }
        return row;
      }
    }
  }

  /** The rows of a plan's query, with the statement's parameters. */
  List<Object[]> query(ReadPlan plan) throws SQLException {
    return query(plan, params);
  }

  /** The rows of a plan's query, with {@code params} (an upsert adds the row's values). */
  List<Object[]> query(ReadPlan plan, List<Object> params) throws SQLException {
    try (PreparedStatement ps = txn.connection().prepareStatement(plan.sqliteSql())) {
      if (timeoutSeconds > 0) {
        ps.setQueryTimeout(timeoutSeconds);
      }
      Binder.bind(ps, plan, params, session);
      watch.running(ps);
      try (ResultSet rs = ps.executeQuery()) {
        return Binder.readAll(rs, plan.columns());
      } finally {
        watch.running(null);
      }
    }
  }

  static String quote(String name) {
    return "\"" + name.replace("\"", "\"\"") + "\"";
  }
}
