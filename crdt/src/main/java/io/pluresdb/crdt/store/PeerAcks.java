package io.pluresdb.crdt.store;

import io.pluresdb.crdt.op.VersionVector;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The peers this node knows and what each acknowledged holding ({@code _pl_peers}): a session
 * reports it at its hello and whenever the peer has acknowledged everything sent to it. Compaction
 * folds only what every known peer holds, so a peer that stays away holds the horizon back until an
 * operator drops it. Reports are kept in memory (a session reports often) and written by compaction
 * before it folds anything, so nothing is folded on the strength of a peer unknown after a restart.
 *
 * <p>Thread-safe: sessions report on their own threads; writes run under the writer permit.
 */
final class PeerAcks {
  static final String DDL =
      "CREATE TABLE IF NOT EXISTS _pl_peers (node TEXT PRIMARY KEY, holds TEXT NOT NULL,"
          + " acked_at INTEGER NOT NULL)";

  private final Map<String, PeerAck> acks = new ConcurrentHashMap<>();
  private final Set<String> unsaved = ConcurrentHashMap.newKeySet();

  /** Loads the peers known before (while opening; a store made before the table has none). */
  PeerAcks(Connection c) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT node, holds, acked_at FROM _pl_peers")) {
      while (rs.next()) {
        acks.put(
            rs.getString(1),
            new PeerAck(rs.getString(1), VersionVector.parse(rs.getString(2)), rs.getLong(3)));
      }
    } catch (SQLException e) {
      if (!String.valueOf(e.getMessage()).contains("no such table")) {
        throw e; // a follower opening a file whose owner has not made the table yet sees none
      }
    }
  }

  /** The peer {@code node} holds {@code holds} (everything it acknowledged), as of {@code now}. */
  void report(String node, VersionVector holds, long now) {
    acks.put(node, new PeerAck(node, holds, now));
    unsaved.add(node);
  }

  /** Forgets the peer; false when it was not known. The caller holds the writer. */
  boolean drop(Writer w, String node) throws SQLException {
    boolean known = acks.remove(node) != null;
    unsaved.remove(node);
    PreparedStatement ps = w.prepare("DELETE FROM _pl_peers WHERE node=?");
    ps.setString(1, node);
    return ps.executeUpdate() > 0 || known;
  }

  /** Writes the reports not yet written. The caller holds the writer and commits. */
  void save(Writer w) throws SQLException {
    PreparedStatement ps =
        w.prepare("INSERT OR REPLACE INTO _pl_peers(node, holds, acked_at) VALUES (?,?,?)");
    for (String node : List.copyOf(unsaved)) {
      PeerAck a = acks.get(node);
      unsaved.remove(node);
      if (a != null) {
        ps.setString(1, node);
        ps.setString(2, a.holds().toText());
        ps.setLong(3, a.ackedAtMillis());
        ps.executeUpdate();
      }
    }
  }

  /** Every known peer, by node id. */
  List<PeerAck> all() {
    List<PeerAck> out = new ArrayList<>(acks.values());
    out.sort(Comparator.comparing(PeerAck::node));
    return out;
  }
}
