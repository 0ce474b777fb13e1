package io.pluresdb.engine.exec;

import io.pluresdb.crdt.schema.ColumnDef;
import io.pluresdb.crdt.schema.TableDef;
import io.pluresdb.crdt.store.WriteTxn;
import io.pluresdb.crdt.value.Values;
import io.pluresdb.sql.write.UpsertPlan;
import io.pluresdb.sql.write.ValueSource;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Applies an INSERT's conflict clause to the row that is already there: {@code DO UPDATE} (with its
 * optional {@code WHERE}, through the plan's finder) or {@code REPLACE} (every non-key column).
 * Either way the existing entity is updated in place (update operations), never deleted and
 * inserted again.
 *
 * <p>Not thread-safe: one instance per statement execution, on the executing thread.
 */
final class UpsertWriter {
  private final WriteTxn txn;
  private final WriteInputs inputs;

  UpsertWriter(WriteTxn txn, WriteInputs inputs) {
    this.txn = txn;
    this.inputs = inputs;
  }

  /**
   * Applies the upsert to the existing row with {@code row}'s key; false if it was skipped. A DO
   * UPDATE fires the table's UPDATE triggers, as in SQLite.
   */
  boolean apply(UpsertPlan u, TableDef table, Object[] row, RowTriggers triggers)
      throws SQLException {
    if (table.primaryKey().isEmpty()) {
      return false; // no key, so no conflict on one: nothing to update
    }
    Object[] key = keyOf(table, row);
    if (u.replace()) {
      return replace(table, key, row);
    }
    Object[] found = null;
    if (u.finder() != null) {
      // The finder sees the proposed row ("excluded") and the key after the user's parameters.
      List<Object> extended = new ArrayList<>(inputs.params());
      while (extended.size() < u.rowParamBase()) {
        extended.add(null);
      }
      extended.addAll(Arrays.asList(row));
      extended.addAll(Arrays.asList(key));
      List<Object[]> rows = inputs.query(u.finder(), extended);
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
      Object v =
          s instanceof ValueSource.Default
              ? inputs.evaluateDefault(col, table)
              : inputs.value(s, found);
      values[i] = Values.coerce(v, col, table.name());
    }
    if (columns.length == 0) {
      return true;
    }
    GeneratedColumns.Change change =
        GeneratedColumns.update(txn, inputs, table, key, columns, values);
    columns = change.columns();
    values = change.values();
    Object[] old =
        triggers.any(txn.catalog(), table.name(), "UPDATE") ? inputs.fetchRow(table, key) : null;
    if (old != null) {
      Object[] after = old.clone();
      for (int i = 0; i < columns.length; i++) {
        after[columns[i]] = values[i];
      }
      if (!triggers.fire(txn, "BEFORE", "UPDATE", table, old, after, columns)) {
        return false;
      }
    }
    if (!txn.update(table.name(), key, columns, values)) {
      return false;
    }
    if (old != null) {
      triggers.fire(txn, "AFTER", "UPDATE", table, old, inputs.fetchRow(table, key), columns);
    }
    return true;
  }

  /** REPLACE: every non-key column takes the proposed row's value. */
  private boolean replace(TableDef table, Object[] key, Object[] row) throws SQLException {
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

  /** The primary-key values of a full row. */
  static Object[] keyOf(TableDef table, Object[] row) {
    List<String> pk = table.primaryKey();
    Object[] key = new Object[pk.size()];
    for (int k = 0; k < key.length; k++) {
      key[k] = row[table.columnIndex(pk.get(k))];
    }
    return key;
  }
}
