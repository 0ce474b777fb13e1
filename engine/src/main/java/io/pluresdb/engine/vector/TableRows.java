package io.pluresdb.engine.vector;

import io.pluresdb.crdt.schema.ColumnDef;
import io.pluresdb.crdt.schema.ColumnType;
import io.pluresdb.crdt.schema.TableDef;
import io.pluresdb.crdt.value.Values;
import io.pluresdb.vector.VectorCodec;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * Reads indexed vectors from the materialized table, which is the truth after merges: every row
 * when an index is built, one row by its key when the log says it changed.
 *
 * <p>Not thread-safe: used by the maintenance thread, on its own SQLite connection, whose lookup
 * statements it keeps prepared.
 */
final class TableRows implements AutoCloseable {
  /** A row's rowid, its vector (null when the column is NULL) and its key. */
  record Row(long rowid, float[] vector, Object[] key) {}

  private final Connection c;
  private final Map<String, PreparedStatement> lookups = new HashMap<>();

  TableRows(Connection c) {
    this.c = c;
  }

  /** Every row of the index's table. */
  List<Row> scan(LiveIndex ix) throws SQLException {
    TableDef t = ix.table;
    List<String> keys = t.keyColumns();
    StringJoiner cols = new StringJoiner(", ");
    keys.forEach(k -> cols.add(quote(k)));
    String sql = "SELECT rowid, " + quote(ix.column) + ", " + cols + " FROM " + quote(t.name());
    List<Row> rows = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement(sql);
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        Object[] key = new Object[keys.size()];
        for (int i = 0; i < key.length; i++) {
          key[i] = Values.read(rs, 3 + i, keyType(t, keys.get(i)));
        }
        rows.add(new Row(rs.getLong(1), vector(rs.getBytes(2)), key));
      }
    }
    return rows;
  }

  /** The row of that key, or null when there is none. */
  Row byKey(LiveIndex ix, Object[] key) throws SQLException {
    TableDef t = ix.table;
    List<String> keys = t.keyColumns();
    StringJoiner where = new StringJoiner(" AND ");
    keys.forEach(k -> where.add(quote(k) + " = ?"));
    String sql =
        "SELECT rowid, " + quote(ix.column) + " FROM " + quote(t.name()) + " WHERE " + where;
    PreparedStatement ps = lookups.get(sql);
    if (ps == null) {
      ps = c.prepareStatement(sql);
      lookups.put(sql, ps);
    }
    for (int i = 0; i < key.length; i++) {
      Values.bind(ps, i + 1, key[i], keyType(t, keys.get(i)));
    }
    try (ResultSet rs = ps.executeQuery()) {
      return rs.next() ? new Row(rs.getLong(1), vector(rs.getBytes(2)), key) : null;
    }
  }

  /** Forgets prepared lookups (their table may have changed shape). */
  void forget() throws SQLException {
    for (PreparedStatement ps : lookups.values()) {
      ps.close();
    }
    lookups.clear();
  }

  @Override
  public void close() throws SQLException {
    try {
      forget();
    } finally {
      c.close();
    }
  }

  private static float[] vector(byte[] stored) {
    return stored == null ? null : VectorCodec.fromBytes(stored);
  }

  private static ColumnType keyType(TableDef t, String key) {
    ColumnDef c = t.column(key);
    return c == null ? ColumnType.BLOB : c.type();
  }

  static String quote(String name) {
    return '"' + name.replace("\"", "\"\"") + '"';
  }
}
