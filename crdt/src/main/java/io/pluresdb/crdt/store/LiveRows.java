package io.pluresdb.crdt.store;

import io.pluresdb.crdt.value.Values;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Reads and deletes of materialized rows by key. A row's clock ({@code _clk}, see {@link
 * ClockVector}) is stored beside its values, so a row is an entity's whole merge state: the merge
 * path reads it as an {@link EntityState}, the local path as values plus clock.
 *
 * <p>Not thread-safe: used by the holder of the writer permit, through the writer's statements.
 */
final class LiveRows {
  private final Writer w;

  LiveRows(Writer w) {
    this.w = w;
  }

  /** The merge state of the materialized entity with this key, or null. */
  EntityState state(TableSql t, Object[] key) throws SQLException {
    PreparedStatement ps = w.prepare(t.selectByKey);
    Keys.bind(ps, 1, t, key);
    try (ResultSet rs = ps.executeQuery()) {
      if (!rs.next()) {
        return null;
      }
      int n = t.names.length;
      ClockVector cv = ClockVector.decode(rs.getBytes(n + 1), n, w.node);
      EntityState s = new EntityState();
      s.existence = cv.existence;
      s.inserted = true;
      for (int i = 0; i < n; i++) {
        if (cv.fields[i] != null) {
          s.fields.put(
              t.names[i], new EntityState.Field(cv.fields[i], Values.read(rs, i + 1, t.types[i])));
        }
      }
      return s;
    }
  }

  /** The row with this key, its clock put in {@code clock[0]}; null when there is none. */
  Object[] load(TableSql t, Object[] key, ClockVector[] clock) throws SQLException {
    PreparedStatement ps = w.prepare(t.selectByKey);
    Keys.bind(ps, 1, t, key);
    try (ResultSet rs = ps.executeQuery()) {
      if (!rs.next()) {
        return null;
      }
      int n = t.names.length;
      Object[] row = new Object[n];
      for (int i = 0; i < n; i++) {
        row[i] = Values.read(rs, i + 1, t.types[i]);
      }
      clock[0] = ClockVector.decode(rs.getBytes(n + 1), n, w.node);
      return row;
    }
  }

  /** Deletes the row; constraint errors are the caller's to translate. */
  void delete(TableSql t, Object[] key) throws SQLException {
    PreparedStatement ps = w.prepare(t.deleteByKey);
    Keys.bind(ps, 1, t, key);
    ps.executeUpdate();
  }
}
