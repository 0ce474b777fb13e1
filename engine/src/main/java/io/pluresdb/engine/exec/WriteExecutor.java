package io.pluresdb.engine.exec;

import io.pluresdb.crdt.error.Errors;
import io.pluresdb.crdt.error.SqlState;
import io.pluresdb.crdt.schema.ColumnDef;
import io.pluresdb.crdt.schema.SequenceDef;
import io.pluresdb.crdt.schema.TableDef;
import io.pluresdb.crdt.store.WriteTxn;
import io.pluresdb.crdt.value.Values;
import io.pluresdb.sql.read.ReadPlan;
import io.pluresdb.sql.write.DeletePlan;
import io.pluresdb.sql.write.InsertPlan;
import io.pluresdb.sql.write.UpdatePlan;
import io.pluresdb.sql.write.UpsertPlan;
import io.pluresdb.sql.write.ValueSource;
import io.pluresdb.sql.write.WriteKind;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs a planned write inside a write transaction: computes each row's values (in Java for literals
 * and parameters, in SQLite for expressions) and hands them to the transaction as operations.
 *
 * <p>Not thread-safe: one instance per statement execution.
 */
public final class WriteExecutor {
  private final WriteTxn txn;
  private final List<Object> params;
  private final int timeoutSeconds;
  private final StatementWatch watch;

  public WriteExecutor(
      WriteTxn txn, List<Object> params, int timeoutSeconds, StatementWatch watch) {
    this.txn = txn;
    this.params = params == null ? List.of() : params;
    this.timeoutSeconds = timeoutSeconds;
    this.watch = watch;
  }

  /** Executes the write; {@code generatedKeys} as in {@code Session.execute}. */
  public WriteResult execute(WriteKind kind, List<String> generatedKeys) throws SQLException {
    TableDef table = txn.catalog().table(kind.table());
    if (table == null) {
      throw Errors.of(SqlState.UNDEFINED_TABLE, "table '" + kind.table() + "' does not exist");
    }
    KeyCollector keys = KeyCollector.of(table, generatedKeys);
    long count;
    if (kind instanceof InsertPlan p) {
      count = insert(p, table, keys);
    } else if (kind instanceof UpdatePlan p) {
      count = update(p, table, keys);
    } else {
      count = delete((DeletePlan) kind, table, keys);
    }
    return new WriteResult(count, keys.columns(), keys.rows());
  }

  private long insert(InsertPlan plan, TableDef table, KeyCollector keys) throws SQLException {
    List<ColumnDef> cols = table.columns();
    Object[] defaults = new Object[cols.size()];
    boolean[] defaultKnown = new boolean[cols.size()];
    List<Object[]> sourceRows;
    if (plan.query() != null) {
      sourceRows = query(plan.query());
    } else {
      sourceRows = new ArrayList<>();
      for (List<ValueSource> r : plan.rows()) {
        Object[] values = new Object[r.size()];
        for (int i = 0; i < values.length; i++) {
          ValueSource s = r.get(i);
          values[i] = s instanceof ValueSource.Default ? DEFAULT : value(s, null);
        }
        sourceRows.add(values);
      }
    }
    long count = 0;
    for (Object[] source : sourceRows) {
      Object[] row = new Object[cols.size()];
      boolean[] given = new boolean[cols.size()];
      for (int i = 0; i < plan.targetCount(); i++) {
        int c = plan.target(i);
        if (source[i] != DEFAULT) {
          row[c] = Values.coerce(source[i], cols.get(c), table.name());
          given[c] = true;
        }
      }
      for (int c = 0; c < row.length; c++) {
        ColumnDef col = cols.get(c);
        if (!given[c] && col.defaultSql() != null) {
          if (!defaultKnown[c]) {
            defaults[c] = evaluateDefault(col, table);
            defaultKnown[c] = true;
          }
          row[c] = defaults[c];
        }
        if (row[c] == null && col.autoIncrement()) {
          row[c] = txn.nextId();
        }
      }
      if (txn.insert(table.name(), row, plan.onConflict())) {
        count++;
        keys.add(row);
      } else if (plan.upsert() != null && upsert(plan.upsert(), table, row)) {
        count++;
        keys.addKey(keyOf(table, row));
      }
    }
    return count;
  }

  /** Applies an upsert's DO UPDATE (or REPLACE) to the existing row; false if it was skipped. */
  private boolean upsert(UpsertPlan u, TableDef table, Object[] row) throws SQLException {
    if (table.primaryKey().isEmpty()) {
      return false;
    }
    Object[] key = keyOf(table, row);
    if (u.replace()) {
      List<Integer> cols = new ArrayList<>();
      for (int c = 0; c < row.length; c++) {
        if (!table.primaryKey().contains(table.columns().get(c).name())) {
          cols.add(c);
        }
      }
      int[] columns = cols.stream().mapToInt(Integer::intValue).toArray();
      Object[] values = new Object[columns.length];
      for (int i = 0; i < columns.length; i++) {
        values[i] = row[columns[i]];
      }
      return columns.length == 0 || txn.update(table.name(), key, columns, values);
    }
    Object[] found = null;
    if (u.finder() != null) {
      List<Object> extended = new ArrayList<>(params);
      while (extended.size() < u.rowParamBase()) {
        extended.add(null);
      }
      extended.addAll(java.util.Arrays.asList(row));
      extended.addAll(java.util.Arrays.asList(key));
      List<Object[]> rows = query(u.finder(), extended);
      if (rows.isEmpty()) {
        return false;
      }
      found = rows.get(0);
    }
    int[] columns = u.set().columns();
    Object[] values = new Object[columns.length];
    for (int i = 0; i < columns.length; i++) {
      ColumnDef col = table.columns().get(columns[i]);
      ValueSource s = u.set().values().get(i);
      Object v = s instanceof ValueSource.Default ? evaluateDefault(col, table) : value(s, found);
      values[i] = Values.coerce(v, col, table.name());
    }
    return columns.length == 0 || txn.update(table.name(), key, columns, values);
  }

  private static Object[] keyOf(TableDef table, Object[] row) {
    List<String> pk = table.primaryKey();
    Object[] key = new Object[pk.size()];
    for (int k = 0; k < key.length; k++) {
      key[k] = row[table.columnIndex(pk.get(k))];
    }
    return key;
  }

  private long update(UpdatePlan plan, TableDef table, KeyCollector keys) throws SQLException {
    List<Object[]> found = query(plan.finder());
    int[] columns = plan.set().columns();
    long count = 0;
    for (Object[] r : found) {
      Object[] key = new Object[plan.keyCount()];
      System.arraycopy(r, 0, key, 0, key.length);
      Object[] values = new Object[columns.length];
      for (int i = 0; i < columns.length; i++) {
        ColumnDef col = table.columns().get(columns[i]);
        ValueSource s = plan.set().values().get(i);
        Object v = s instanceof ValueSource.Default ? evaluateDefault(col, table) : value(s, r);
        values[i] = Values.coerce(v, col, table.name());
      }
      if (txn.update(table.name(), key, columns, values)) {
        count++;
        if (keys.wantsRow()) {
          keys.add(fetchRow(table, key));
        } else {
          keys.addKey(key);
        }
      }
    }
    return count;
  }

  private long delete(DeletePlan plan, TableDef table, KeyCollector keys) throws SQLException {
    long count = 0;
    for (Object[] key : query(plan.finder())) {
      Object[] before = keys.wantsRow() ? fetchRow(table, key) : null;
      if (txn.delete(table.name(), key)) {
        count++;
        if (before != null) {
          keys.add(before);
        } else {
          keys.addKey(key);
        }
      }
    }
    return count;
  }

  /** Marks a value to be replaced by the column's default. */
  private static final Object DEFAULT = new Object();

  private Object value(ValueSource s, Object[] row) throws SQLException {
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

  /** The current row with this key, as this transaction sees it. */
  private Object[] fetchRow(TableDef table, Object[] key) throws SQLException {
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

  private static String quote(String name) {
    return "\"" + name.replace("\"", "\"\"") + "\"";
  }

  private Object evaluateDefault(ColumnDef col, TableDef table) throws SQLException {
    if (col.defaultSql() == null) {
      return null;
    }
    try (PreparedStatement ps = txn.connection().prepareStatement("SELECT " + col.defaultSql());
        ResultSet rs = ps.executeQuery()) {
      rs.next();
      return Values.coerce(Values.read(rs, 1, col.type()), col, table.name());
    }
  }

  private List<Object[]> query(ReadPlan plan) throws SQLException {
    return query(plan, params);
  }

  private List<Object[]> query(ReadPlan plan, List<Object> params) throws SQLException {
    try (PreparedStatement ps = txn.connection().prepareStatement(plan.sqliteSql())) {
      if (timeoutSeconds > 0) {
        ps.setQueryTimeout(timeoutSeconds);
      }
      Binder.bind(ps, plan, params);
      watch.running(ps);
      try (ResultSet rs = ps.executeQuery()) {
        return Binder.readAll(rs, plan.columns());
      } finally {
        watch.running(null);
      }
    }
  }
}
