package io.pluresdb.crdt.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * The merge state kept for entities that are not materialized ({@code _pl_tomb}): deleted ones, so
 * that a late operation still merges against what they held, and live ones hidden by a UNIQUE
 * conflict ({@code hidden = 1}, see {@link HiddenRows}). The writer remembers which tables have
 * any, so writes to the others skip the lookup.
 *
 * <p>Not thread-safe: used by the holder of the writer permit.
 */
final class Tombs {
  private final Writer w;

  Tombs(Writer w) {
    this.w = w;
  }

  /** The kept state of the entity, or null. */
  EntityState load(String table, Object[] key) throws SQLException {
    if (!w.tombTables.contains(table)) {
      return null;
    }
    PreparedStatement ps = w.prepare("SELECT state FROM _pl_tomb WHERE tbl=? AND key=?");
    ps.setString(1, table);
    ps.setBytes(2, Keys.bytes(key));
    try (ResultSet rs = ps.executeQuery()) {
      return rs.next() ? EntityState.decode(rs.getBytes(1)) : null;
    }
  }

  /** Keeps the state of an entity that is not materialized; a live one is kept as hidden. */
  void save(String table, byte[] key, EntityState s) throws SQLException {
    PreparedStatement ps =
        w.prepare("INSERT OR REPLACE INTO _pl_tomb(tbl, key, state, hidden) VALUES (?,?,?,?)");
    ps.setString(1, table);
    ps.setBytes(2, key);
    ps.setBytes(3, s.encode());
    ps.setInt(4, s.live() ? 1 : 0);
    ps.executeUpdate();
    w.tombTables.add(table);
    if (s.live()) {
      w.hiddenTables.add(table);
    }
  }

  /** Forgets the kept state of an entity that is materialized again. */
  void delete(String table, byte[] key) throws SQLException {
    PreparedStatement ps = w.prepare("DELETE FROM _pl_tomb WHERE tbl=? AND key=?");
    ps.setString(1, table);
    ps.setBytes(2, key);
    ps.executeUpdate();
  }
}
