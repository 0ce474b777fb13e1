package io.pluresdb.crdt.store;

import io.pluresdb.crdt.clock.OpId;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.jspecify.annotations.Nullable;

/**
 * The id of the newest DROP TABLE of each table name ({@code _pl_horizon}): a data operation older
 * than it belongs to a dropped table, whichever table of that name exists now, so it is kept in the
 * log only. The same on every node holding the same drops, whatever their arrival order, which
 * makes "dropped with it" independent of whether the operation arrived before or after the drop.
 *
 * <p>Not thread-safe: used by the writer only.
 */
final class DropHorizon {
  private DropHorizon() {}

  /** Records a drop of {@code table} by operation {@code id}; the horizon only moves forward. */
  static void raise(Connection conn, String table, OpId id) throws SQLException {
    try (PreparedStatement ps =
        conn.prepareStatement(
            "INSERT INTO _pl_horizon(tbl, op) VALUES (?,?)"
                + " ON CONFLICT(tbl) DO UPDATE SET op = max(op, excluded.op)")) {
      ps.setString(1, table);
      ps.setBytes(2, id.toBytes());
      ps.executeUpdate();
    }
  }

  /** The newest drop of {@code table}, or null if it was never dropped. */
  static @Nullable OpId of(Writer w, String table) throws SQLException {
    PreparedStatement ps = w.prepare("SELECT op FROM _pl_horizon WHERE tbl=?");
    ps.setString(1, table);
    try (ResultSet rs = ps.executeQuery()) {
      return rs.next() ? OpId.fromBytes(rs.getBytes(1)) : null;
    }
  }
}
