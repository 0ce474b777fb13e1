package io.pluresdb.crdt.store;

import io.pluresdb.crdt.op.RowState;
import io.pluresdb.crdt.schema.TableDef;
import io.pluresdb.crdt.value.Values;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Reads row states from a table's materialized rows (values and {@code _clk}, see {@link
 * LiveRows}), for a whole snapshot ({@link SnapshotCursor}) and for a partial copy's slice ({@link
 * SliceRows}). A JSON field carries its document's merge state ({@code _pl_json}, see {@link
 * JsonColumns}) rather than its text, so that merging the row state with operations on that
 * document converges; {@code byField} is {@link JsonColumns#SELECT} prepared on the reading
 * connection.
 *
 * <p>Stateless.
 */
final class SnapshotRows {
  private SnapshotRows() {}

  /** The query of a table's materialized rows: its declared columns, hidden id, clocks. */
  static String select(TableSql t) {
    StringBuilder sql = new StringBuilder("SELECT ");
    for (String name : t.names) {
      sql.append(TableSql.quote(name)).append(',');
    }
    if (t.hiddenId) {
      sql.append(TableSql.quote(TableDef.HIDDEN_ID)).append(',');
    }
    return sql.append(TableSql.quote(TableSql.CLOCK))
        .append(" FROM ")
        .append(TableSql.quote(t.def.name()))
        .toString();
  }

  /** Hands each row of {@code rs}, a result of {@link #select}, to {@code sink}. */
  static void rows(
      ResultSet rs, TableSql t, long node, PreparedStatement byField, RowStates.Sink sink)
      throws SQLException {
    while (rs.next()) {
      sink.accept(row(rs, t, node, byField));
    }
  }

  /** The row state of the current row of {@code rs}, a result of {@link #select}. */
  static RowState row(ResultSet rs, TableSql t, long node, PreparedStatement byField)
      throws SQLException {
    int n = t.names.length;
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
    docs(byField, t, key, s);
    return RowStateForm.of(t.def.name(), key, s);
  }

  /** Puts the merge state of each JSON field of {@code s} in place of its text. */
  static void docs(PreparedStatement byField, TableSql t, Object[] key, EntityState s)
      throws SQLException {
    if (t.jsons.isEmpty()) {
      return;
    }
    byte[] k = Keys.bytes(key);
    for (String col : t.jsons) {
      EntityState.Field f = s.fields.get(col);
      byte[] state = f == null ? null : JsonColumns.state(byField, t.def.name(), k, col);
      if (f != null && state != null) {
        s.fields.put(col, new EntityState.Field(f.clock(), state));
      }
    }
  }
}
