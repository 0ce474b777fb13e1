package io.pluresdb.crdt.store;

import io.pluresdb.crdt.schema.Catalog;
import io.pluresdb.crdt.schema.TableDef;
import io.pluresdb.crdt.value.Values;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Reads the row states of a snapshot inside the caller's read transaction: a table's materialized
 * rows (values and {@code _clk}, see {@link LiveRows}) and the kept states of entities that are not
 * materialized ({@code _pl_tomb}, see {@link Tombs}). A JSON field carries its document's merge
 * state ({@code _pl_json}, see {@link JsonColumns}) rather than its text, so that merging the row
 * state with operations on that document converges.
 *
 * <p>Stateless.
 */
final class SnapshotRows {
  private SnapshotRows() {}

  /** Hands each materialized row of {@code t} to {@code sink}; {@code node} is the store's own. */
  static void live(Statement st, TableSql t, long node, RowStates.Sink sink) throws SQLException {
    int n = t.names.length;
    StringBuilder sql = new StringBuilder("SELECT ");
    for (String name : t.names) {
      sql.append(TableSql.quote(name)).append(',');
    }
    if (t.hiddenId) {
      sql.append(TableSql.quote(io.pluresdb.crdt.schema.TableDef.HIDDEN_ID)).append(',');
    }
    sql.append(TableSql.quote(TableSql.CLOCK))
        .append(" FROM ")
        .append(TableSql.quote(t.def.name()));
    try (ResultSet rs = st.executeQuery(sql.toString());
        PreparedStatement byField = st.getConnection().prepareStatement(JsonColumns.SELECT)) {
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
        docs(byField, t, key, s);
        sink.accept(RowStateForm.of(t.def.name(), key, s));
      }
    }
  }

  /** Hands the kept state of every entity that is not materialized to {@code sink}. */
  static void tombs(Statement st, Catalog cat, RowStates.Sink sink) throws SQLException {
    try (ResultSet rs = st.executeQuery("SELECT tbl, key, state FROM _pl_tomb ORDER BY tbl");
        PreparedStatement byField = st.getConnection().prepareStatement(JsonColumns.SELECT)) {
      while (rs.next()) {
        String table = rs.getString(1);
        Object[] key = Keys.decode(rs.getBytes(2));
        EntityState s = EntityState.decode(rs.getBytes(3));
        TableDef def = cat.table(table);
        if (def != null) {
          docs(byField, new TableSql(def), key, s);
        }
        sink.accept(RowStateForm.of(table, key, s));
      }
    }
  }

  /** Puts the merge state of each JSON field of {@code s} in place of its text. */
  private static void docs(PreparedStatement byField, TableSql t, Object[] key, EntityState s)
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
