package io.pluresdb.store.postgres;

import io.pluresdb.crdt.clock.OpId;
import io.pluresdb.crdt.op.VersionVector;
import java.nio.ByteBuffer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import javax.sql.DataSource;

/**
 * Where each client's sessions left off in the shared log, kept in PostgreSQL so that a client
 * reconnecting to any hub resumes there. A cursor is a log position up to which the client held
 * every entry, with what the client held then; a new session resumes from it only if the client's
 * hello shows it still holds all of that (a client restored from an older copy does not, and is
 * caught up from the start). A cursor only moves forward, whichever hub saves it.
 *
 * <p>Thread-safe: each call takes its own connection from the pool.
 */
public final class PgCursors {
  private final DataSource pool;

  public PgCursors(DataSource pool) {
    this.pool = pool;
  }

  /** Every log entry up to {@code seq} is held by {@code client}, which holds {@code held}. */
  public void save(String client, long seq, VersionVector held) throws SQLException {
    try (Connection c = pool.getConnection();
        PreparedStatement up =
            c.prepareStatement(
                "INSERT INTO pl_cursors (client, seq, held) VALUES (?, ?, ?)"
                    + " ON CONFLICT (client) DO UPDATE SET seq = excluded.seq,"
                    + " held = excluded.held, saved_at = now()"
                    + " WHERE pl_cursors.seq <= excluded.seq")) {
      up.setString(1, client);
      up.setLong(2, seq);
      up.setBytes(3, encode(held));
      up.executeUpdate();
    }
  }

  /** The log position after which a client whose hello says it holds {@code held} needs entries. */
  public long resumeAfter(String client, VersionVector held) throws SQLException {
    try (Connection c = pool.getConnection();
        PreparedStatement q =
            c.prepareStatement("SELECT seq, held FROM pl_cursors WHERE client = ?")) {
      q.setString(1, client);
      try (ResultSet rs = q.executeQuery()) {
        if (!rs.next()) {
          return 0;
        }
        return held.dominates(decode(rs.getBytes(2))) ? rs.getLong(1) : 0;
      }
    }
  }

  /**
   * A version vector as bytes: per node, its 8-byte id and the 16 bytes of its last transaction.
   */
  static byte[] encode(VersionVector v) {
    ByteBuffer b = ByteBuffer.allocate(v.last().size() * (8 + OpId.BYTES));
    v.last().forEach((node, id) -> b.putLong(node).put(id.toBytes()));
    return b.array();
  }

  static VersionVector decode(byte[] bytes) {
    Map<Long, OpId> last = new HashMap<>();
    for (int at = 0; at + 8 + OpId.BYTES <= bytes.length; at += 8 + OpId.BYTES) {
      long node = ByteBuffer.wrap(bytes, at, 8).getLong();
      last.put(node, OpId.fromBytes(bytes, at + 8));
    }
    return new VersionVector(last);
  }
}
