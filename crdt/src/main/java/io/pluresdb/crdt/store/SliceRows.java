package io.pluresdb.crdt.store;

import io.pluresdb.crdt.value.Values;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A part of a table's row states, for partial sync: the serving node reads the rows of a client's
 * slice (a condition over the table's columns, optionally only some keys), and the client removes
 * rows that left its slice from its own copy, without an operation (the row still exists
 * elsewhere).
 *
 * <p>Stateless.
 */
final class SliceRows {
  /** Keys per query when reading by key: SQLite's bound on parameters is 32766. */
  private static final int KEYS_PER_QUERY = 500;

  private SliceRows() {}

  static void read(
      Connection c,
      TableSql t,
      long node,
      @Nullable String where,
      List<@Nullable Object> params,
      @Nullable List<Object[]> keys,
      RowStates.Sink sink)
      throws SQLException {
    if (keys == null) {
      query(c, t, node, where, params, List.of(), sink);
      return;
    }
    for (int from = 0; from < keys.size(); from += KEYS_PER_QUERY) {
      query(
          c,
          t,
          node,
          where,
          params,
          keys.subList(from, Math.min(keys.size(), from + KEYS_PER_QUERY)),
          sink);
    }
  }

  private static void query(
      Connection c,
      TableSql t,
      long node,
      @Nullable String where,
      List<@Nullable Object> params,
      List<Object[]> keys,
      RowStates.Sink sink)
      throws SQLException {
    StringBuilder sql = new StringBuilder(SnapshotRows.select(t));
    String joiner = " WHERE ";
    if (where != null) {
      sql.append(joiner).append('(').append(where).append(')');
      joiner = " AND ";
    }
    if (!keys.isEmpty()) {
      sql.append(joiner).append('(');
      for (int i = 0; i < keys.size(); i++) {
        sql.append(i == 0 ? "(" : " OR (").append(t.keyWhere).append(')');
      }
      sql.append(')');
    }
    try (PreparedStatement ps = c.prepareStatement(sql.toString());
        PreparedStatement byField = c.prepareStatement(JsonColumns.SELECT)) {
      int n = 1;
      for (Object p : params) {
        if (p == null) {
          ps.setNull(n++, Types.NULL);
        } else {
          ps.setObject(n++, p);
        }
      }
      for (Object[] key : keys) {
        n = bindKey(ps, n, t, key);
      }
      try (ResultSet rs = ps.executeQuery()) {
        SnapshotRows.rows(rs, t, node, byField, sink);
      }
    }
  }

  /** Deletes the rows of {@code keys} from the table, in the writer's open transaction. */
  static void remove(Writer w, TableSql t, List<Object[]> keys) throws SQLException {
    PreparedStatement ps = w.prepare(t.deleteByKey);
    for (Object[] key : keys) {
      bindKey(ps, 1, t, key);
      ps.addBatch();
    }
    ps.executeBatch();
  }

  private static int bindKey(PreparedStatement ps, int at, TableSql t, Object[] key)
      throws SQLException {
    if (key.length != t.keyTypes.length) {
      throw new IllegalArgumentException(
          "a key of " + key.length + " values for table " + t.def.name());
    }
    int n = at;
    for (int k = 0; k < key.length; k++) {
      Values.bind(ps, n++, key[k], t.keyTypes[k]);
    }
    return n;
  }
}
