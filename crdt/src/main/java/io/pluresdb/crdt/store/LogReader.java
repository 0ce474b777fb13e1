package io.pluresdb.crdt.store;

import io.pluresdb.crdt.clock.OpId;
import io.pluresdb.crdt.op.LogEntry;
import io.pluresdb.crdt.op.Transaction;
import io.pluresdb.crdt.op.TxCodec;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads of the log ({@code _pl_log}) and other internal tables. Each read opens its own reader
 * connection, so it sees the last commit and never waits for the writer; a rebuild reads through
 * the writer's connection instead ({@link #transactions(Connection)}).
 *
 * <p>Thread-safe: holds nothing but the store's files; the caller checks the store is open.
 */
final class LogReader {
  private final StoreFiles files;

  LogReader(StoreFiles files) {
    this.files = files;
  }

  /** At most {@code limit} entries after log position {@code afterSeq}, as stored. */
  List<LogEntry> entries(long afterSeq, int limit) throws SQLException {
    List<LogEntry> out = new ArrayList<>();
    try (Connection c = files.connect();
        PreparedStatement ps =
            c.prepareStatement(
                "SELECT seq, tx, data FROM _pl_log WHERE seq > ? ORDER BY seq LIMIT ?")) {
      ps.setLong(1, afterSeq);
      ps.setInt(2, limit);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(new LogEntry(rs.getLong(1), OpId.fromBytes(rs.getBytes(2)), rs.getBytes(3)));
        }
      }
    }
    return out;
  }

  /** Every transaction of the log, decoded, in log order. */
  List<Transaction> transactions() throws SQLException {
    try (Connection c = files.connect()) {
      return transactions(c);
    }
  }

  /** Every transaction of the log as {@code c} sees it, decoded, in log order. */
  static List<Transaction> transactions(Connection c) throws SQLException {
    List<Transaction> out = new ArrayList<>();
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT data FROM _pl_log ORDER BY seq")) {
      while (rs.next()) {
        out.add(TxCodec.decode(rs.getBytes(1)));
      }
    }
    return out;
  }

  /** The number of rows of an internal table (for tests). */
  int count(String internalTable) throws SQLException {
    try (Connection c = files.connect();
        PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM " + internalTable);
        ResultSet rs = ps.executeQuery()) {
      rs.next();
      return rs.getInt(1);
    }
  }
}
