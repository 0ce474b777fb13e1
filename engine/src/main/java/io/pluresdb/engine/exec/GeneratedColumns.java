package io.pluresdb.engine.exec;

import io.pluresdb.crdt.schema.ColumnDef;
import io.pluresdb.crdt.schema.SqlTokens;
import io.pluresdb.crdt.schema.TableDef;
import io.pluresdb.crdt.store.WriteTxn;
import io.pluresdb.crdt.value.Values;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;

/**
 * The values of {@code GENERATED ALWAYS AS (expr)} columns, computed by the writing node: on insert
 * from the new row, on update from the row as the update leaves it when the update assigns a column
 * the expression reads. The value then is an ordinary field of the write's operation, so it
 * replicates as a value and a receiving node never recomputes it (an {@code embed(…)} column needs
 * the model on the writing node only).
 *
 * <p>The expression runs in SQLite over the row's other columns, bound as parameters of a one-row
 * subquery, so it may call any function a query may, the engine's included.
 */
final class GeneratedColumns {
  private GeneratedColumns() {}

  /** An update's assigned columns and their values, generated ones included. */
  record Change(int[] columns, Object[] values) {}

  /** True when the table has a generated column. */
  static boolean any(TableDef table) {
    for (ColumnDef c : table.columns()) {
      if (c.generated()) {
        return true;
      }
    }
    return false;
  }

  /** Sets each generated column of a row about to be inserted from its other columns. */
  static void fill(WriteTxn txn, TableDef table, Object[] row) throws SQLException {
    if (!any(table)) {
      return;
    }
    for (int c = 0; c < row.length; c++) {
      if (table.columns().get(c).generated()) {
        row[c] = compute(txn, table, c, row);
      }
    }
  }

  /**
   * The update's change with the generated columns that read an assigned column recomputed from the
   * row the update leaves; the change itself when there are none.
   */
  static Change update(
      WriteTxn txn,
      WriteInputs inputs,
      TableDef table,
      Object[] key,
      int[] columns,
      Object[] values)
      throws SQLException {
    if (!any(table)) {
      return new Change(columns, values);
    }
    int[] outColumns = columns;
    Object[] outValues = values;
    Object[] after = null;
    for (int c = 0; c < table.columns().size(); c++) {
      ColumnDef col = table.columns().get(c);
      if (!col.generated() || !readsAny(table, col, columns)) {
        continue;
      }
      if (after == null) {
        after = inputs.fetchRow(table, key);
        for (int i = 0; i < columns.length; i++) {
          after[columns[i]] = values[i];
        }
      }
      outColumns = Arrays.copyOf(outColumns, outColumns.length + 1);
      outValues = Arrays.copyOf(outValues, outValues.length + 1);
      outColumns[outColumns.length - 1] = c;
      outValues[outValues.length - 1] = compute(txn, table, c, after);
    }
    return new Change(outColumns, outValues);
  }

  /** True when the expression of {@code col} names one of the {@code assigned} columns. */
  private static boolean readsAny(TableDef table, ColumnDef col, int[] assigned) {
    List<SqlTokens.Token> tokens = SqlTokens.of(col.generatedSql());
    for (int a : assigned) {
      String name = table.columns().get(a).name();
      for (SqlTokens.Token t : tokens) {
        if ((t.kind() == SqlTokens.Kind.WORD || t.kind() == SqlTokens.Kind.QUOTED)
            && t.name().equalsIgnoreCase(name)) {
          return true;
        }
      }
    }
    return false;
  }

  /** {@code SELECT (expr) FROM (SELECT ? AS "a", ? AS "b", …)} with the row's other columns. */
  private static Object compute(WriteTxn txn, TableDef table, int column, Object[] row)
      throws SQLException {
    List<ColumnDef> cols = table.columns();
    ColumnDef target = cols.get(column);
    StringBuilder sql = new StringBuilder("SELECT (").append(target.generatedSql()).append(")");
    StringBuilder inner = new StringBuilder();
    for (ColumnDef c : cols) {
      if (!c.generated()) {
        inner.append(inner.length() == 0 ? "SELECT " : ", ");
        inner.append("? AS ").append(WriteInputs.quote(c.name()));
      }
    }
    if (inner.length() > 0) {
      sql.append(" FROM (").append(inner).append(')');
    }
    try (PreparedStatement ps = txn.connection().prepareStatement(sql.toString())) {
      int p = 1;
      for (int c = 0; c < cols.size(); c++) {
        if (!cols.get(c).generated()) {
          Values.bind(ps, p++, row[c], cols.get(c).type());
        }
      }
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return Values.coerce(Values.read(rs, 1, target.type()), target, table.name());
      }
    }
  }
}
