package io.pluresdb.crdt.store;

import io.pluresdb.crdt.clock.OpId;
import io.pluresdb.crdt.value.Values;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;

/**
 * Finds the live rows that hold the values a merged entity needs under a UNIQUE constraint. The
 * rule, the same on every node: among entities that collide on a unique value, the one whose
 * existence (its latest insert) has the smallest id stays visible; the others are hidden, kept with
 * their merge state, recorded in {@code _pl_conflicts}, and shown again once the value is free (see
 * {@link HiddenRows}).
 */
final class Rivals {
  /** A live row in the way: its key and existence id. */
  record Rival(Object[] key, OpId existence) {}

  private Rivals() {}

  /**
   * The rivals on the columns SQLite named (e.g. {@code album.name, album.year}), or null when the
   * constraint cannot be resolved by this rule.
   */
  static List<Rival> find(Writer w, TableSql t, EntityState s, String detail) throws SQLException {
    List<Integer> cols = new ArrayList<>();
    for (String part : detail.split(",")) {
      String name = part.trim();
      int dot = name.indexOf('.');
      int pos = t.def.columnIndex(dot < 0 ? name : name.substring(dot + 1));
      if (pos < 0) {
        return null;
      }
      cols.add(pos);
    }
    StringJoiner where = new StringJoiner(" AND ");
    for (int c : cols) {
      where.add(TableSql.quote(t.names[c]) + "=?");
    }
    String sql =
        "SELECT "
            + TableSql.list(t.def.keyColumns())
            + ", "
            + TableSql.quote(TableSql.CLOCK)
            + " FROM "
            + TableSql.quote(t.def.name())
            + " WHERE "
            + where;
    PreparedStatement ps = w.prepare(sql);
    int i = 1;
    for (int c : cols) {
      EntityState.Field f = s.fields.get(t.names[c]);
      Values.bind(ps, i++, f == null ? null : f.value(), t.types[c]);
    }
    List<Rival> out = new ArrayList<>();
    try (ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        Object[] key = new Object[t.keyTypes.length];
        for (int k = 0; k < key.length; k++) {
          key[k] = Values.read(rs, k + 1, t.keyTypes[k]);
        }
        byte[] clk = rs.getBytes(key.length + 1);
        out.add(new Rival(key, ClockVector.decode(clk, t.names.length, w.node).existence));
      }
    }
    return out;
  }
}
