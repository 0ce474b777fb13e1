package io.pluresdb.crdt.store;

import io.pluresdb.crdt.clock.OpId;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Per writing node, the last of its transactions that this node may hold without a log record
 * ({@code _pl_folded}): those merged as row states, and those folded away by compaction. A received
 * duplicate at or below it cannot be compared with the log, so it is not taken for a forgery (see
 * {@link HistoryCheck}); above it, every covered transaction is in the log.
 *
 * <p>Not thread-safe: used by the holder of the writer permit.
 */
final class Folded {
  static final String DDL =
      "CREATE TABLE IF NOT EXISTS _pl_folded (node INTEGER PRIMARY KEY, tx BLOB NOT NULL)";

  private Folded() {}

  /** Raises {@code tx}'s node's horizon to {@code tx} (a lower one is left as it is). */
  static void raise(Writer w, OpId tx) throws SQLException {
    PreparedStatement ps =
        w.prepare(
            "INSERT INTO _pl_folded(node, tx) VALUES (?,?) ON CONFLICT(node) DO UPDATE"
                + " SET tx=excluded.tx WHERE excluded.tx > _pl_folded.tx");
    ps.setLong(1, tx.node());
    ps.setBytes(2, tx.toBytes());
    ps.executeUpdate();
  }

  /** True when {@code tx} is at or below its node's horizon. */
  static boolean covers(Writer w, OpId tx) throws SQLException {
    PreparedStatement ps = w.prepare("SELECT tx FROM _pl_folded WHERE node=?");
    ps.setLong(1, tx.node());
    try (ResultSet rs = ps.executeQuery()) {
      return rs.next() && tx.compareTo(OpId.fromBytes(rs.getBytes(1))) <= 0;
    }
  }
}
