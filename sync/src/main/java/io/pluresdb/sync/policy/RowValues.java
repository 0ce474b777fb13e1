package io.pluresdb.sync.policy;

import io.pluresdb.crdt.op.Operation;
import io.pluresdb.crdt.schema.ColumnDef;
import io.pluresdb.crdt.schema.ColumnType;
import io.pluresdb.crdt.schema.TableDef;
import io.pluresdb.crdt.value.Values;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.List;
import java.util.StringJoiner;
import org.jspecify.annotations.Nullable;

/**
 * A row's declared values, canonical, in declaration order: read from the store (the row before a
 * write) or merged from an operation (the row after it).
 */
final class RowValues {
  private RowValues() {}

  /**
   * The row of {@code table} with {@code key} as the store holds it, or null when it holds none.
   */
  static Object @Nullable [] read(Connection c, TableDef table, Object[] key) throws SQLException {
    StringJoiner cols = new StringJoiner(",");
    for (ColumnDef col : table.columns()) {
      cols.add(quote(col.name()));
    }
    StringJoiner where = new StringJoiner(" AND ");
    List<String> keys = table.keyColumns();
    for (String k : keys) {
      where.add(quote(k) + "=?");
    }
    String sql = "SELECT " + cols + " FROM " + quote(table.name()) + " WHERE " + where;
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < keys.size(); i++) {
        ColumnDef kc = table.column(keys.get(i));
        bind(ps, i + 1, key[i], kc == null ? ColumnType.BLOB : kc.type());
      }
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          return null;
        }
        Object[] row = new Object[table.columns().size()];
        for (int i = 0; i < row.length; i++) {
          row[i] = Values.read(rs, i + 1, table.columns().get(i).type());
        }
        return row;
      }
    }
  }

  /** The row after {@code op} (an INSERT or UPDATE) writes over {@code before} (null: none). */
  static Object[] after(TableDef table, Object @Nullable [] before, Operation op) {
    int n = table.columns().size();
    Object[] row = before == null ? new Object[n] : before.clone();
    if (!table.primaryKey().isEmpty()) {
      for (int i = 0; i < table.primaryKey().size() && i < op.key().length; i++) {
        int at = table.columnIndex(table.primaryKey().get(i));
        if (at >= 0) {
          row[at] = op.key()[i];
        }
      }
    }
    for (int i = 0; i < op.columns().length; i++) {
      int at = table.columnIndex(op.columns()[i]);
      if (at < 0) {
        continue;
      }
      Object v = op.values()[i];
      if (table.columns().get(at).type() == ColumnType.COUNTER
          && v instanceof Long inc
          && row[at] instanceof Long held) {
        // a counter's operation carries an increment
        row[at] = held + inc;
      } else {
        row[at] = v;
      }
    }
    return row;
  }

  /** Binds a canonical value (possibly null) in its stored form. */
  static void bind(PreparedStatement ps, int index, @Nullable Object canonical, ColumnType type)
      throws SQLException {
    if (canonical == null) {
      ps.setNull(index, Types.NULL);
    } else {
      Values.bind(ps, index, canonical, type);
    }
  }

  static String quote(String name) {
    return '"' + name.replace("\"", "\"\"") + '"';
  }
}
