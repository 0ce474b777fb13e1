package io.pluresdb.crdt.store;

import io.pluresdb.crdt.clock.OpId;
import io.pluresdb.crdt.op.ReceivedTx;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The table {@code _pl_pending} of received transactions that cannot be applied yet: each record as
 * received, with its origin (the peer node it was first received from), when it was parked and what
 * it waits for. A store written before origins and reasons were kept is upgraded in place ({@link
 * #upgrade}): its parked rows are dated to the upgrade, and their reason is filled in the next time
 * they are retried.
 *
 * <p>Stateless: callers pass the connection, which the store's writer permit guards.
 */
final class ParkedTable {
  static final String DDL =
      "CREATE TABLE IF NOT EXISTS _pl_pending (tx BLOB PRIMARY KEY, data BLOB NOT NULL,"
          + " origin TEXT NOT NULL DEFAULT '', parked_at INTEGER NOT NULL DEFAULT 0,"
          + " reason TEXT NOT NULL DEFAULT '')";

  /** The reason of rows parked before reasons were kept, until they are retried. */
  static final String UNRECORDED = "parked before reasons were recorded";

  /** A parked record as received, with what it was last found to wait for. */
  record Row(ReceivedTx received, String reason) {}

  private ParkedTable() {}

  /** Adds the columns a store written by an older version lacks (in its open transaction). */
  static void upgrade(Statement s, Instant now) throws SQLException {
    Set<String> columns = new HashSet<>();
    try (ResultSet rs = s.executeQuery("PRAGMA table_info(_pl_pending)")) {
      while (rs.next()) {
        columns.add(rs.getString("name"));
      }
    }
    if (!columns.contains("origin")) {
      s.execute("ALTER TABLE _pl_pending ADD COLUMN origin TEXT NOT NULL DEFAULT ''");
    }
    if (!columns.contains("parked_at")) {
      s.execute("ALTER TABLE _pl_pending ADD COLUMN parked_at INTEGER NOT NULL DEFAULT 0");
      s.execute("UPDATE _pl_pending SET parked_at = " + now.toEpochMilli());
    }
    if (!columns.contains("reason")) {
      s.execute("ALTER TABLE _pl_pending ADD COLUMN reason TEXT NOT NULL DEFAULT ''");
      s.execute("UPDATE _pl_pending SET reason = '" + UNRECORDED + "'");
    }
  }

  /**
   * Parks a record; true when it was not parked already (one parked before keeps its origin and
   * time, and takes the new reason).
   */
  static boolean park(Writer w, ReceivedTx r, String origin, Instant at, String reason)
      throws SQLException {
    PreparedStatement ps =
        w.prepare(
            "INSERT OR IGNORE INTO _pl_pending(tx, data, origin, parked_at, reason)"
                + " VALUES (?,?,?,?,?)");
    ps.setBytes(1, r.tx().id().toBytes());
    ps.setBytes(2, r.record());
    ps.setString(3, origin);
    ps.setLong(4, at.toEpochMilli());
    ps.setString(5, reason);
    if (ps.executeUpdate() == 1) {
      return true;
    }
    reason(w, r.tx().id(), reason);
    return false;
  }

  /** Records what a parked transaction waits for now (written only when it changed). */
  static void reason(Writer w, OpId tx, String reason) throws SQLException {
    PreparedStatement ps =
        w.prepare("UPDATE _pl_pending SET reason=? WHERE tx=? AND reason IS NOT ?");
    ps.setString(1, reason);
    ps.setBytes(2, tx.toBytes());
    ps.setString(3, reason);
    ps.executeUpdate();
  }

  static void unpark(Writer w, OpId tx) throws SQLException {
    PreparedStatement ps = w.prepare("DELETE FROM _pl_pending WHERE tx=?");
    ps.setBytes(1, tx.toBytes());
    ps.executeUpdate();
  }

  /** True when anything is parked. */
  static boolean any(Writer w) throws SQLException {
    try (ResultSet rs = w.prepare("SELECT 1 FROM _pl_pending LIMIT 1").executeQuery()) {
      return rs.next();
    }
  }

  /** The parked records as stored (as received), each decoded once to check its readiness. */
  static List<Row> load(Writer w) throws SQLException {
    List<Row> out = new ArrayList<>();
    try (Statement s = w.conn.createStatement();
        ResultSet rs = s.executeQuery("SELECT data, reason FROM _pl_pending ORDER BY tx")) {
      while (rs.next()) {
        out.add(new Row(ReceivedTx.decode(rs.getBytes(1)), rs.getString(2)));
      }
    }
    return out;
  }

  /** What is parked, per origin and in total, each with its oldest. */
  static ParkedSummary summary(Connection c) throws SQLException {
    Map<String, Parked> byOrigin = new HashMap<>();
    Parked total = Parked.NONE;
    long count = 0;
    // SQLite takes the bare columns (tx, reason) from the row holding the min(parked_at)
    String sql =
        "SELECT origin, count(*), min(parked_at), tx, reason FROM _pl_pending GROUP BY origin";
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      while (rs.next()) {
        Parked p =
            new Parked(
                rs.getLong(2),
                Instant.ofEpochMilli(rs.getLong(3)),
                rs.getString(5),
                OpId.fromBytes(rs.getBytes(4)).toString());
        byOrigin.put(rs.getString(1), p);
        count += p.count();
        if (total.oldestSince() == null || p.oldestSince().isBefore(total.oldestSince())) {
          total = p;
        }
      }
    }
    return new ParkedSummary(
        new Parked(count, total.oldestSince(), total.oldestReason(), total.oldestTx()), byOrigin);
  }
}
