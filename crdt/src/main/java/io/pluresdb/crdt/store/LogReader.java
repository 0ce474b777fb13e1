package io.pluresdb.crdt.store;

import io.pluresdb.crdt.clock.OpId;
import io.pluresdb.crdt.error.Errors;
import io.pluresdb.crdt.error.SqlState;
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
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Semaphore;

/**
 * Reads of the log ({@code _pl_log}) and other internal tables, each in a read transaction of its
 * own, so it sees the last commit and never waits for the writer; a rebuild reads through the
 * writer's connection instead ({@link #transactions(Connection)}). Log pages, which every
 * replication session that catches up reads, come from a small pool of reader connections: however
 * many sessions catch up at once, the store holds at most {@link #LOG_READERS} handles for them,
 * and the others wait their turn.
 *
 * <p>Thread-safe: the pool is a bounded queue and a semaphore; the caller checks the store is open.
 */
final class LogReader implements AutoCloseable {
  static final int LOG_READERS = 4;

  private final StoreFiles files;
  private final Semaphore turns = new Semaphore(LOG_READERS, true);
  private final ArrayBlockingQueue<Connection> idle = new ArrayBlockingQueue<>(LOG_READERS);
  private volatile boolean closed;

  LogReader(StoreFiles files) {
    this.files = files;
  }

  /** At most {@code limit} entries after log position {@code afterSeq}, as stored. */
  List<LogEntry> entries(long afterSeq, int limit) throws SQLException {
    try {
      turns.acquire();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw Errors.of(SqlState.QUERY_CANCELED, "interrupted while waiting to read the log", e);
    }
    Connection c = null;
    try {
      c = idle.poll();
      if (c == null) {
        c = files.connect();
      }
      List<LogEntry> out = page(c, afterSeq, limit);
      if (!closed && idle.offer(c)) {
        c = null;
      }
      return out;
    } finally {
      if (c != null) {
        c.close();
      }
      turns.release();
    }
  }

  private static List<LogEntry> page(Connection c, long afterSeq, int limit) throws SQLException {
    List<LogEntry> out = new ArrayList<>();
    try (PreparedStatement ps =
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

  /** Closes the pooled readers (the store is closing); a read still under way closes its own. */
  @Override
  public void close() throws SQLException {
    closed = true;
    SQLException first = null;
    for (Connection c = idle.poll(); c != null; c = idle.poll()) {
      try {
        c.close();
      } catch (SQLException e) {
        if (first == null) {
          first = e;
        } else {
          first.addSuppressed(e);
        }
      }
    }
    if (first != null) {
      throw first;
    }
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
