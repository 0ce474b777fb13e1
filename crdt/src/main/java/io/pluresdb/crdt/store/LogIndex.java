package io.pluresdb.crdt.store;

import io.pluresdb.crdt.feed.EntityChange;
import io.pluresdb.crdt.op.OpKind;
import io.pluresdb.crdt.op.Operation;
import io.pluresdb.crdt.op.TxCodec;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Keeps the log's entity index ({@link LogHistory#ENTITY_INDEX}) in the transaction that appends
 * each record: one entry per table and entity the transaction wrote. A local transaction is indexed
 * from its changes (every operation it writes has one; a row shown again by it adds an entry whose
 * record holds nothing of it, which readers skip), a remote one from its operations. An older
 * store's log is indexed when it opens ({@link #catchUp}).
 *
 * <p>Whatever removes log records removes their entries too.
 *
 * <p>Not thread-safe: used by the writer, or while opening.
 */
final class LogIndex {
  static final String DDL =
      "CREATE TABLE IF NOT EXISTS "
          + LogHistory.ENTITY_INDEX
          + " (tbl TEXT NOT NULL, entity TEXT NOT NULL, seq INTEGER NOT NULL,"
          + " PRIMARY KEY (tbl, entity, seq)) WITHOUT ROWID";
  private static final String INSERT =
      "INSERT OR IGNORE INTO " + LogHistory.ENTITY_INDEX + "(tbl, entity, seq) VALUES (?,?,?)";

  private LogIndex() {}

  /** Indexes a local transaction at {@code seq} by the entities it changed. */
  static void addChanges(Writer w, long seq, List<EntityChange> changes) throws SQLException {
    if (changes.isEmpty()) {
      return;
    }
    PreparedStatement ps = w.prepare(INSERT);
    Set<String> seen = new HashSet<>();
    for (EntityChange c : changes) {
      add(ps, seen, seq, c.table(), c.key());
    }
  }

  /** Indexes a remote transaction at {@code seq} by the entities its operations write. */
  static void addOps(Writer w, long seq, List<Operation> ops) throws SQLException {
    add(w.prepare(INSERT), seq, ops);
  }

  private static void add(PreparedStatement ps, long seq, List<Operation> ops) throws SQLException {
    Set<String> seen = new HashSet<>();
    for (Operation op : ops) {
      if (op.kind() != OpKind.SCHEMA) {
        add(ps, seen, seq, op.table(), op.key());
      }
    }
  }

  private static void add(
      PreparedStatement ps, Set<String> seen, long seq, String table, Object[] key)
      throws SQLException {
    String entity = LogHistory.entity(key);
    if (seen.add(table + '\0' + entity)) {
      ps.setString(1, table);
      ps.setString(2, entity);
      ps.setLong(3, seq);
      ps.executeUpdate();
    }
  }

  /**
   * Indexes the records after the last indexed one (a store made before the index, or whose last
   * transactions wrote schema only); the caller holds a write transaction on {@code c}.
   */
  static void catchUp(Connection c) throws SQLException {
    try (PreparedStatement read =
            c.prepareStatement(
                "SELECT seq, data FROM _pl_log WHERE seq > coalesce((SELECT max(seq) FROM "
                    + LogHistory.ENTITY_INDEX
                    + "), 0) ORDER BY seq");
        PreparedStatement ps = c.prepareStatement(INSERT);
        ResultSet rs = read.executeQuery()) {
      while (rs.next()) {
        add(ps, rs.getLong(1), TxCodec.decode(rs.getBytes(2)).ops());
      }
    }
  }
}
