package io.pluresdb.crdt.store;

import io.pluresdb.crdt.value.Values;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Reads the row states of a snapshot inside the caller's read transaction: a table's materialized
 * rows (values and {@code _clk}, see {@link LiveRows}) and the kept states of entities that are not
 * materialized ({@code _pl_tomb}, see {@link Tombs}).
 *
 * <p>Stateless.
 */
final class SnapshotRows {
  private SnapshotRows() {}

  /** Hands each materialized row of {@code t} to {@code sink}; {@code node} is the store's own. */
  static void live(Statement st, TableSql t, long node, RowStates.Sink sink) throws SQLException {
    try (ResultSet rs = st.executeQuery(select(t))) {
      rows(rs, t, node, sink);
    }
  }

  /** The query of a table's materialized rows: its declared columns, hidden id, clocks. */
  static String select(TableSql t) {
    StringBuilder sql = new StringBuilder("SELECT ");
    for (String name : t.names) {
      sql.append(TableSql.quote(name)).append(',');
    }
    if (t.hiddenId) {
      sql.append(TableSql.quote(io.pluresdb.crdt.schema.TableDef.HIDDEN_ID)).append(',');
    }
    return sql.append(TableSql.quote(TableSql.CLOCK))
        .append(" FROM ")
        .append(TableSql.quote(t.def.name()))
        .toString();
  }

  /** Hands each row of {@code rs}, a result of {@link #select}, to {@code sink}. */
  static void rows(ResultSet rs, TableSql t, long node, RowStates.Sink sink) throws SQLException {
    int n = t.names.length;
    while (rs.next()) {
      ClockVector cv = ClockVector.decode(rs.getBytes(n + (t.hiddenId ? 2 : 1)), n, node);
      EntityState s = new EntityState();
      s.existence = cv.existence;
      s.inserted = true;
      Object[] row = new Object[n];
      for (int i = 0; i < n; i++) {
        row[i] = Values.read(rs, i + 1, t.types[i]);
        if (cv.fields[i] != null) {
          s.fields.put(t.names[i], new EntityState.Field(cv.fields[i], row[i]));
        }
      }
      Object[] key = new Object[t.keyPositions.length];
      for (int k = 0; k < key.length; k++) {
        key[k] = t.hiddenId ? rs.getBytes(n + 1) : row[t.keyPositions[k]];
      }
      sink.accept(RowStateForm.of(t.def.name(), key, s));
    }
  }

  /** Hands the kept state of every entity that is not materialized to {@code sink}. */
  static void tombs(Statement st, RowStates.Sink sink) throws SQLException {
    try (ResultSet rs = st.executeQuery("SELECT tbl, key, state FROM _pl_tomb ORDER BY tbl")) {
      while (rs.next()) {
        sink.accept(
            RowStateForm.of(
                rs.getString(1), Keys.decode(rs.getBytes(2)), EntityState.decode(rs.getBytes(3))));
      }
    }
  }
}
