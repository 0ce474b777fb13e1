package io.pluresdb.engine.exec;

import io.pluresdb.crdt.error.SqlState;
import io.pluresdb.crdt.schema.ColumnDef;
import io.pluresdb.crdt.schema.IndexDef;
import io.pluresdb.crdt.schema.TableDef;
import io.pluresdb.crdt.store.WriteTxn;
import io.pluresdb.crdt.value.Values;
import io.pluresdb.sql.parser.dml.ConflictResolution;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One row of {@code UPDATE OR IGNORE} or {@code UPDATE OR REPLACE}, as SQLite does it: IGNORE skips
 * a row whose new values violate a NOT NULL, UNIQUE, key or CHECK constraint (a foreign key still
 * fails the statement); REPLACE gives a NOT NULL column set to NULL its default and deletes the
 * other rows whose UNIQUE or key values the row takes, then updates it.
 *
 * <p>Not thread-safe: used by one statement's {@link WriteExecutor}.
 */
final class UpdateConflicts {
  private final WriteTxn txn;
  private final WriteInputs inputs;
  private final ConflictResolution resolution;

  UpdateConflicts(WriteTxn txn, WriteInputs inputs, ConflictResolution resolution) {
    this.txn = txn;
    this.inputs = inputs;
    this.resolution = resolution;
  }

  /** Whether rows of this statement need more than a plain update. */
  static boolean rowLevel(ConflictResolution r) {
    return r == ConflictResolution.IGNORE || r == ConflictResolution.REPLACE;
  }

  /** Updates one row under the resolution; false if it was skipped or not found. */
  boolean update(TableDef table, Object[] key, int[] columns, Object[] values) throws SQLException {
    if (resolution == ConflictResolution.REPLACE) {
      defaultsForNulls(table, columns, values);
    }
    // the row's update in a savepoint of its own, so a violation leaves nothing behind
    int mark = txn.mark();
    try {
      boolean done = txn.update(table.name(), key, columns, values);
      txn.release(mark);
      return done;
    } catch (SQLException e) {
      txn.rollbackTo(mark);
      txn.release(mark);
      if (!resolvable(e)) {
        throw e;
      }
      if (resolution == ConflictResolution.IGNORE) {
        return false;
      }
      if (!SqlState.UNIQUE_VIOLATION.code().equals(e.getSQLState())) {
        throw e;
      }
    }
    for (Object[] other : takenBy(table, key, columns, values)) {
      txn.delete(table.name(), other);
    }
    return txn.update(table.name(), key, columns, values);
  }

  /**
   * NOT NULL, UNIQUE, key and CHECK violations; a foreign key fails the statement in SQLite too.
   */
  private static boolean resolvable(SQLException e) {
    String state = e.getSQLState();
    return state != null
        && state.startsWith("23")
        && !SqlState.FOREIGN_KEY_VIOLATION.code().equals(state);
  }

  private void defaultsForNulls(TableDef table, int[] columns, Object[] values)
      throws SQLException {
    for (int i = 0; i < columns.length; i++) {
      ColumnDef col = table.columns().get(columns[i]);
      if (values[i] == null && !col.nullable() && col.defaultSql() != null) {
        values[i] = Values.coerce(inputs.evaluateDefault(col, table), col, table.name());
      }
    }
  }

  /** The keys of the other rows holding the UNIQUE or key values the updated row takes. */
  private List<Object[]> takenBy(TableDef table, Object[] key, int[] columns, Object[] values)
      throws SQLException {
    Object[] after = inputs.fetchRow(table, key);
    for (int i = 0; i < columns.length; i++) {
      after[columns[i]] = values[i];
    }
    List<List<String>> uniques = new ArrayList<>();
    if (!table.primaryKey().isEmpty()) {
      uniques.add(table.primaryKey());
    }
    uniques.addAll(table.uniqueKeys());
    for (IndexDef ix : txn.catalog().indexesOf(table.name())) {
      if (ix.unique()) {
        uniques.add(ix.columns());
      }
    }
    List<Object[]> out = new ArrayList<>();
    for (List<String> unique : uniques) {
      for (Object[] other : rowsWith(table, unique, after)) {
        if (!Arrays.equals(other, key) && out.stream().noneMatch(o -> Arrays.equals(o, other))) {
          out.add(other);
        }
      }
    }
    return out;
  }

  private List<Object[]> rowsWith(TableDef table, List<String> unique, Object[] after)
      throws SQLException {
    StringBuilder sql = new StringBuilder("SELECT ");
    List<String> keyColumns = table.keyColumns();
    for (int k = 0; k < keyColumns.size(); k++) {
      sql.append(k == 0 ? "" : ", ").append(WriteInputs.quote(keyColumns.get(k)));
    }
    sql.append(" FROM \"main\".").append(WriteInputs.quote(table.name())).append(" WHERE ");
    for (int u = 0; u < unique.size(); u++) {
      if (after[table.columnIndex(unique.get(u))] == null) {
        return List.of(); // NULLs never conflict
      }
      sql.append(u == 0 ? "" : " AND ").append(WriteInputs.quote(unique.get(u))).append(" = ?");
    }
    List<Object[]> keys = new ArrayList<>();
    try (PreparedStatement ps = txn.connection().prepareStatement(sql.toString())) {
      for (int u = 0; u < unique.size(); u++) {
        int c = table.columnIndex(unique.get(u));
        Values.bind(ps, u + 1, after[c], table.columns().get(c).type());
      }
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          Object[] k = new Object[keyColumns.size()];
          for (int i = 0; i < k.length; i++) {
            ColumnDef def = table.column(keyColumns.get(i));
            k[i] = def == null ? rs.getObject(i + 1) : Values.read(rs, i + 1, def.type());
          }
          keys.add(k);
        }
      }
    }
    return keys;
  }
}
