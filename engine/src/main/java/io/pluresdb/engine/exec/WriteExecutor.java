package io.pluresdb.engine.exec;

import io.pluresdb.crdt.error.Errors;
import io.pluresdb.crdt.error.SqlState;
import io.pluresdb.crdt.schema.ColumnDef;
import io.pluresdb.crdt.schema.KeyRange;
import io.pluresdb.crdt.schema.TableDef;
import io.pluresdb.crdt.store.RowHook;
import io.pluresdb.crdt.store.WriteTxn;
import io.pluresdb.crdt.value.Values;
import io.pluresdb.sql.parser.dml.ConflictResolution;
import io.pluresdb.sql.write.DeletePlan;
import io.pluresdb.sql.write.InsertPlan;
import io.pluresdb.sql.write.UpdatePlan;
import io.pluresdb.sql.write.ValueSource;
import io.pluresdb.sql.write.ViewWritePlan;
import io.pluresdb.sql.write.WriteKind;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs a planned write inside a write transaction: computes each row's values (in Java for literals
 * and parameters, in SQLite for expressions, through {@link WriteInputs}) and hands them to the
 * transaction as operations; an INSERT's conflict clause goes to {@link UpsertWriter}.
 *
 * <p>Not thread-safe: one instance per statement execution.
 */
public final class WriteExecutor {
  /** Marks a value to be replaced by the column's default. */
  private static final Object DEFAULT = new Object();

  private final WriteTxn txn;
  private final WriteInputs inputs;
  private final UpsertWriter upserts;

  private long lastInsertRowid;
  private RowTriggers triggers = RowTriggers.NONE;
  private ConflictResolution resolution = ConflictResolution.ABORT;

  public WriteExecutor(
      WriteTxn txn, List<Object> params, int timeoutSeconds, StatementWatch watch) {
    this(txn, params, timeoutSeconds, watch, SessionCounters.NONE);
  }

  /** A write of a session, whose expressions may read its counters ({@code changes()} …). */
  public WriteExecutor(
      WriteTxn txn,
      List<Object> params,
      int timeoutSeconds,
      StatementWatch watch,
      SessionCounters session) {
    this.txn = txn;
    this.inputs =
        new WriteInputs(txn, params == null ? List.of() : params, timeoutSeconds, watch, session);
    this.upserts = new UpsertWriter(txn, inputs);
  }

  /** This executor, firing the tables' triggers for each row it changes. */
  public WriteExecutor withTriggers(RowTriggers rowTriggers) {
    this.triggers = rowTriggers;
    return this;
  }

  /** This executor, resolving an UPDATE's conflicts row by row as {@code UPDATE OR r} does. */
  public WriteExecutor resolving(ConflictResolution r) {
    this.resolution = r;
    return this;
  }

  /** Executes the write; {@code generatedKeys} as in {@code Session.execute}. */
  public WriteResult execute(WriteKind kind, List<String> generatedKeys) throws SQLException {
    if (kind instanceof ViewWritePlan v) {
      ViewTriggers.run(txn, inputs, triggers, v);
      return new WriteResult(0, List.of(), List.of());
    }
    TableDef table = txn.catalog().table(kind.table());
    if (table == null) {
      throw Errors.of(SqlState.UNDEFINED_TABLE, "table '" + kind.table() + "' does not exist");
    }
    KeyCollector keys = KeyCollector.of(table, generatedKeys);
    long count;
    // the rows foreign-key actions change fire their tables' triggers too
    RowHook outer = triggers == RowTriggers.NONE ? null : txn.rowHook(triggers);
    try {
      if (kind instanceof InsertPlan p) {
        count = insert(p, table, keys);
      } else if (kind instanceof UpdatePlan p) {
        count = update(p, table, keys);
      } else {
        count = delete((DeletePlan) kind, table, keys);
      }
    } finally {
      if (triggers != RowTriggers.NONE) {
        txn.rowHook(outer);
      }
    }
    return new WriteResult(count, keys.columns(), keys.rows(), lastInsertRowid);
  }

  private long insert(InsertPlan plan, TableDef table, KeyCollector keys) throws SQLException {
    List<ColumnDef> cols = table.columns();
    // Each default is evaluated once per statement, not per row: one SQLite query per column.
    Object[] defaults = new Object[cols.size()];
    boolean[] defaultKnown = new boolean[cols.size()];
    long count = 0;
    Object[] lastInserted = null;
    boolean fires = triggers.any(txn.catalog(), table.name(), "INSERT");
    for (Object[] source : sourceRows(plan)) {
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
            defaults[c] = inputs.evaluateDefault(col, table);
            defaultKnown[c] = true;
          }
          row[c] = defaults[c];
        }
        if (row[c] == null && KeyRange.generated(table, c)) {
          row[c] = txn.nextKey(table.name(), c);
        }
      }
      GeneratedColumns.fill(txn, table, row);
      if (fires && !triggers.fire(txn, "BEFORE", "INSERT", table, null, row, null)) {
        continue;
      }
      if (txn.insert(table.name(), row, plan.onConflict())) {
        count++;
        keys.add(row);
        lastInserted = row;
        if (fires) {
          // read before the triggers' own inserts move SQLite's last rowid
          lastInsertRowid = rowid(table, row);
          lastInserted = null;
          triggers.fire(txn, "AFTER", "INSERT", table, null, row, null);
        }
      } else if (plan.upsert() != null && upserts.apply(plan.upsert(), table, row, triggers)) {
        count++;
        keys.addKey(UpsertWriter.keyOf(table, row));
        if (fires && plan.upsert().replace()) {
          // SQLite's REPLACE inserts the row: AFTER INSERT fires (the removed row's DELETE
          // triggers only with recursive_triggers on, which is off)
          triggers.fire(txn, "AFTER", "INSERT", table, null, row, null);
        }
      }
    }
    if (lastInserted != null) {
      lastInsertRowid = rowid(table, lastInserted);
    }
    return count;
  }

  /**
   * The rowid of an inserted row: its key when that is one integer column, else the rowid SQLite
   * gave the materialized row (the writer's last insert, read before anything else writes).
   */
  private long rowid(TableDef table, Object[] row) throws SQLException {
    int alias = KeyRange.rowidAlias(table);
    if (alias >= 0 && row[alias] instanceof Number n) {
      return n.longValue();
    }
    try (java.sql.Statement s = txn.connection().createStatement();
        java.sql.ResultSet rs = s.executeQuery("SELECT last_insert_rowid()")) {
      return rs.next() ? rs.getLong(1) : 0;
    }
  }

  /** The values to insert, one array per row in target-column order ({@link #DEFAULT} marked). */
  private List<Object[]> sourceRows(InsertPlan plan) throws SQLException {
    if (plan.query() != null) {
      return inputs.query(plan.query());
    }
    List<Object[]> sourceRows = new ArrayList<>();
    for (List<ValueSource> r : plan.rows()) {
      Object[] values = new Object[r.size()];
      for (int i = 0; i < values.length; i++) {
        ValueSource s = r.get(i);
        values[i] = s instanceof ValueSource.Default ? DEFAULT : inputs.value(s, null);
      }
      sourceRows.add(values);
    }
    return sourceRows;
  }

  private long update(UpdatePlan plan, TableDef table, KeyCollector keys) throws SQLException {
    List<Object[]> found = inputs.query(plan.finder());
    boolean fires = triggers.any(txn.catalog(), table.name(), "UPDATE");
    UpdateConflicts conflicts =
        UpdateConflicts.rowLevel(resolution) ? new UpdateConflicts(txn, inputs, resolution) : null;
    long count = 0;
    for (Object[] r : found) {
      Object[] key = new Object[plan.keyCount()];
      System.arraycopy(r, 0, key, 0, key.length);
      int[] columns = plan.set().columns();
      Object[] values = new Object[columns.length];
      for (int i = 0; i < columns.length; i++) {
        ColumnDef col = table.columns().get(columns[i]);
        ValueSource s = plan.set().values().get(i);
        Object v =
            s instanceof ValueSource.Default
                ? inputs.evaluateDefault(col, table)
                : inputs.value(s, r);
        values[i] = Values.coerce(v, col, table.name());
      }
      GeneratedColumns.Change change =
          GeneratedColumns.update(txn, inputs, table, key, plan.set().columns(), values);
      columns = change.columns();
      values = change.values();
      Object[] old = fires ? inputs.fetchRow(table, key) : null;
      Object[] after = null;
      if (old != null) {
        after = old.clone();
        for (int i = 0; i < columns.length; i++) {
          after[columns[i]] = values[i];
        }
        if (!triggers.fire(txn, "BEFORE", "UPDATE", table, old, after, columns)) {
          continue;
        }
      }
      if (conflicts == null
          ? txn.update(table.name(), key, columns, values)
          : conflicts.update(table, key, columns, values)) {
        count++;
        if (old != null) {
          triggers.fire(txn, "AFTER", "UPDATE", table, old, inputs.fetchRow(table, key), columns);
        }
        if (keys.wantsRow()) {
          keys.add(inputs.fetchRow(table, key));
        } else {
          keys.addKey(key);
        }
      }
    }
    return count;
  }

  private long delete(DeletePlan plan, TableDef table, KeyCollector keys) throws SQLException {
    long count = 0;
    boolean fires = triggers.any(txn.catalog(), table.name(), "DELETE");
    for (Object[] key : inputs.query(plan.finder())) {
      // Generated keys beyond the key columns come from the row as it was, so read it first.
      Object[] before = keys.wantsRow() || fires ? inputs.fetchRow(table, key) : null;
      if (fires && !triggers.fire(txn, "BEFORE", "DELETE", table, before, null, null)) {
        continue;
      }
      if (txn.delete(table.name(), key)) {
        count++;
        if (fires) {
          triggers.fire(txn, "AFTER", "DELETE", table, before, null, null);
        }
        if (before != null && keys.wantsRow()) {
          keys.add(before);
        } else {
          keys.addKey(key);
        }
      }
    }
    return count;
  }
}
