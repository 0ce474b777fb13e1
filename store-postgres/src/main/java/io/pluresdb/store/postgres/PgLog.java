package io.pluresdb.store.postgres;

import io.pluresdb.crdt.clock.OpId;
import io.pluresdb.crdt.error.Errors;
import io.pluresdb.crdt.error.SqlState;
import io.pluresdb.crdt.op.LogEntry;
import io.pluresdb.crdt.op.ReceivedTx;
import io.pluresdb.crdt.op.VersionVector;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * The transaction log that the hubs of one PostgreSQL database share: every record kept byte for
 * byte as its author signed it, at a position ({@code seq}) in one order for all hubs.
 *
 * <p>Appends are idempotent by transaction id: a record already held changes nothing, and the same
 * id with different bytes refuses the whole append (as a SQLite node refuses a forged record).
 * Appends from several hubs are serialized by a transaction-scoped advisory lock, so positions are
 * given in commit order: a reader that has seen position n has seen every position below it, and a
 * cursor over positions never skips a transaction committed late. Each appender appends in its own
 * log's (causal) order, so the shared order is causal too.
 *
 * <p>Thread-safe: each call takes its own connection from the pool.
 */
public final class PgLog {
  /** What an append did: records added, records already held, the log's last position after it. */
  public record Appended(int added, int duplicates, long lastSeq) {}

  private final DataSource pool;

  public PgLog(DataSource pool) {
    this.pool = pool;
  }

  /**
   * Appends {@code records} in their order, in one PostgreSQL transaction, and wakes the other hubs
   * ({@code NOTIFY}, delivered at commit) when anything was added.
   *
   * @throws SQLException 23000 naming the transaction when its id is held with other content;
   *     nothing of the call is appended then
   */
  public Appended append(List<ReceivedTx> records) throws SQLException {
    if (records.isEmpty()) {
      return new Appended(0, 0, lastSeq());
    }
    try (Connection c = pool.getConnection()) {
      c.setAutoCommit(false);
      try {
        Appended a = appendLocked(c, records);
        c.commit();
        return a;
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      }
    }
  }

  private static Appended appendLocked(Connection c, List<ReceivedTx> records) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute("SELECT pg_advisory_xact_lock(" + PgSchema.APPEND_LOCK + ")");
    }
    Map<OpId, byte[]> held = held(c, records);
    Map<Long, OpId> heads = new HashMap<>();
    long seq = lastSeq(c);
    int added = 0;
    int duplicates = 0;
    try (PreparedStatement ins =
        c.prepareStatement("INSERT INTO pl_log (seq, tx_id, node, record) VALUES (?, ?, ?, ?)")) {
      for (ReceivedTx r : records) {
        OpId id = r.tx().id();
        byte[] before = held.get(id);
        if (before != null) {
          if (!Arrays.equals(before, r.record())) {
            throw Errors.of(
                SqlState.INTEGRITY_CONSTRAINT_VIOLATION,
                "transaction " + id + " is already in the log with other content; refused");
          }
          duplicates++;
          continue;
        }
        held.put(id, r.record());
        ins.setLong(1, ++seq);
        ins.setBytes(2, id.toBytes());
        ins.setLong(3, r.tx().node());
        ins.setBytes(4, r.record());
        ins.addBatch();
        heads.merge(r.tx().node(), id, (a, b) -> a.compareTo(b) >= 0 ? a : b);
        added++;
      }
      if (added > 0) {
        ins.executeBatch();
      }
    }
    if (added > 0) {
      advanceHeads(c, heads);
      try (PreparedStatement n = c.prepareStatement("SELECT pg_notify(?, ?)")) {
        n.setString(1, PgSchema.CHANNEL);
        n.setString(2, Long.toString(seq)); // a hint of where the log ends, never the data
        n.execute();
      }
    }
    return new Appended(added, duplicates, seq);
  }

  /** The records already in the log among {@code records}' ids. */
  private static Map<OpId, byte[]> held(Connection c, List<ReceivedTx> records)
      throws SQLException {
    byte[][] ids = records.stream().map(r -> r.tx().id().toBytes()).toArray(byte[][]::new);
    Map<OpId, byte[]> held = new LinkedHashMap<>();
    try (PreparedStatement q =
        c.prepareStatement("SELECT tx_id, record FROM pl_log WHERE tx_id = ANY (?)")) {
      q.setArray(1, c.createArrayOf("bytea", ids));
      try (ResultSet rs = q.executeQuery()) {
        while (rs.next()) {
          held.put(OpId.fromBytes(rs.getBytes(1)), rs.getBytes(2));
        }
      }
    }
    return held;
  }

  private static void advanceHeads(Connection c, Map<Long, OpId> newest) throws SQLException {
    Map<Long, OpId> current = new HashMap<>();
    try (PreparedStatement q =
        c.prepareStatement("SELECT node, last_tx FROM pl_heads WHERE node = ANY (?)")) {
      q.setArray(1, c.createArrayOf("bigint", newest.keySet().toArray()));
      try (ResultSet rs = q.executeQuery()) {
        while (rs.next()) {
          current.put(rs.getLong(1), OpId.fromBytes(rs.getBytes(2)));
        }
      }
    }
    try (PreparedStatement up =
        c.prepareStatement(
            "INSERT INTO pl_heads (node, last_tx) VALUES (?, ?)"
                + " ON CONFLICT (node) DO UPDATE SET last_tx = excluded.last_tx")) {
      for (Map.Entry<Long, OpId> e : newest.entrySet()) {
        OpId was = current.get(e.getKey());
        if (was == null || e.getValue().after(was)) {
          up.setLong(1, e.getKey());
          up.setBytes(2, e.getValue().toBytes());
          up.addBatch();
        }
      }
      up.executeBatch();
    }
  }

  /** Up to {@code limit} entries after position {@code afterSeq}, in log order. */
  public List<LogEntry> readAfter(long afterSeq, int limit) throws SQLException {
    List<LogEntry> out = new ArrayList<>();
    try (Connection c = pool.getConnection();
        PreparedStatement q =
            c.prepareStatement(
                "SELECT seq, tx_id, record FROM pl_log WHERE seq > ? ORDER BY seq LIMIT ?")) {
      q.setLong(1, afterSeq);
      q.setInt(2, limit);
      try (ResultSet rs = q.executeQuery()) {
        while (rs.next()) {
          out.add(new LogEntry(rs.getLong(1), OpId.fromBytes(rs.getBytes(2)), rs.getBytes(3)));
        }
      }
    }
    return out;
  }

  /** The position of the last transaction in the log, 0 when it is empty. */
  public long lastSeq() throws SQLException {
    try (Connection c = pool.getConnection()) {
      return lastSeq(c);
    }
  }

  private static long lastSeq(Connection c) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT COALESCE(MAX(seq), 0) FROM pl_log")) {
      rs.next();
      return rs.getLong(1);
    }
  }

  /** The transactions the log holds, per writing node. */
  public VersionVector versionVector() throws SQLException {
    Map<Long, OpId> last = new HashMap<>();
    try (Connection c = pool.getConnection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT node, last_tx FROM pl_heads")) {
      while (rs.next()) {
        last.put(rs.getLong(1), OpId.fromBytes(rs.getBytes(2)));
      }
    }
    return new VersionVector(last);
  }

  /**
   * The database identity this log serves: {@code proposed} when the log had none (the first hub
   * names it), else the one it has.
   */
  public String claimDatabaseId(String proposed) throws SQLException {
    try (Connection c = pool.getConnection()) {
      try (PreparedStatement ins =
          c.prepareStatement(
              "INSERT INTO pl_meta (key, value) VALUES ('database_id', ?)"
                  + " ON CONFLICT (key) DO NOTHING")) {
        ins.setString(1, proposed);
        ins.executeUpdate();
      }
      try (Statement s = c.createStatement();
          ResultSet rs = s.executeQuery("SELECT value FROM pl_meta WHERE key = 'database_id'")) {
        rs.next();
        return rs.getString(1);
      }
    }
  }
}
