package io.pluresdb.crdt.store;

import io.pluresdb.crdt.clock.OpId;
import io.pluresdb.crdt.op.Operation;
import io.pluresdb.crdt.schema.ColumnType;
import io.pluresdb.crdt.value.Values;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * The key and values of a remote data operation as the table's columns hold them, decided by what
 * the value is and which types its column was ever declared with, so the same on every node:
 *
 * <ul>
 *   <li>a value that converts to the column's type is stored converted;
 *   <li>a value that does not, but converts to another type the column was declared with (by the
 *       loser of a schema clash, kept in {@code _pl_declared} by {@link TableClash}), is a loser's
 *       value: it stays in the log, the row holds NULL for it, and {@code _pl_conflicts} records it
 *       (kind {@code TYPE});
 *   <li>a key that fits the key columns in neither arity nor types, on a table with a recorded
 *       schema clash, is a loser's key: the operation stays in the log, is not materialized, and is
 *       recorded (kind {@code KEY});
 *   <li>anything else fits no declaration at all and is refused as {@link BadValue}: no node can
 *       commit it, so its sender is broken or hostile.
 * </ul>
 *
 * <p>The extra lookups happen only for values that do not convert, so well-typed operations cost
 * nothing more. Not thread-safe: used by the writer only.
 */
final class TypedValues {
  private final Writer w;

  TypedValues(Writer w) {
    this.w = w;
  }

  /** The operation's key in the table's key types, or null for a recorded loser's key. */
  Object @Nullable [] key(TableSql t, Operation op) throws SQLException {
    Object[] key = op.key();
    if (key.length == t.keyTypes.length) {
      try {
        return Keys.canonical(t, key);
      } catch (SQLException | RuntimeException e) {
        // does not fit: decided below
      }
    }
    String table = t.def.name();
    String keyColumns = String.join(", ", t.def.keyColumns());
    if (!schemaClash(table)) {
      throw BadValue.of(
          table,
          keyColumns,
          "the key " + Arrays.toString(t.keyTypes),
          Arrays.toString(key),
          op.id());
    }
    ConflictLog.record(
        w,
        table,
        Arrays.toString(key),
        op.id().toString(),
        "KEY",
        "key " + Arrays.toString(key) + " does not fit the key (" + keyColumns + ")");
    return null;
  }

  /** The operation's values in the types of their columns. */
  Object[] values(TableSql t, Operation op) throws SQLException {
    Object[] values = op.values().clone();
    for (int i = 0; i < values.length; i++) {
      String column = op.columns()[i];
      ColumnType type = t.types[t.def.columnIndex(column)];
      try {
        values[i] = Values.coerce(values[i], type);
      } catch (SQLException | RuntimeException e) {
        values[i] = loser(t.def.name(), column, type, values[i], op.id());
      }
    }
    return values;
  }

  private @Nullable Object loser(
      String table, String column, ColumnType type, Object value, OpId op) throws SQLException {
    PreparedStatement ps = w.prepare("SELECT type FROM _pl_declared WHERE tbl=? AND col=?");
    ps.setString(1, table);
    ps.setString(2, column);
    String fits = null;
    try (ResultSet rs = ps.executeQuery()) {
      while (rs.next() && fits == null) {
        ColumnType other = ColumnType.valueOf(rs.getString(1));
        if (other != type && converts(value, other)) {
          fits = other.name();
        }
      }
    }
    if (fits == null) {
      throw BadValue.of(table, column, type.name(), value, op);
    }
    ConflictLog.record(
        w,
        table,
        column,
        op.toString(),
        "TYPE",
        "value of column '"
            + column
            + "' declared "
            + fits
            + " elsewhere is kept in the log only;"
            + " the column is "
            + type);
    return null;
  }

  private static boolean converts(Object value, ColumnType type) {
    try {
      Values.coerce(value, type);
      return true;
    } catch (SQLException | RuntimeException e) {
      return false;
    }
  }

  private boolean schemaClash(String table) throws SQLException {
    PreparedStatement ps =
        w.prepare("SELECT 1 FROM _pl_conflicts WHERE tbl=? AND kind='SCHEMA' LIMIT 1");
    ps.setString(1, table);
    try (ResultSet rs = ps.executeQuery()) {
      return rs.next();
    }
  }
}
