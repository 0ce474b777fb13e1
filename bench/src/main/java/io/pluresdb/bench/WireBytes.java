package io.pluresdb.bench;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Bytes a single-field update costs on the replication connection: a client updates one 8-byte text
 * field of a BIGINT-keyed row, one transaction per update, and the protocol bytes of its session
 * (both directions: the transaction and its acknowledgement, as {@code sys_peers} counts them) are
 * divided by the number of updates. A count, not a timing, so it runs outside JMH.
 */
final class WireBytes {
  static final int UPDATES = 2_000;

  /** An 8-byte key and an 8-byte value: what the update must carry whatever the protocol. */
  static final int KEY_AND_VALUE = 16;

  private WireBytes() {}

  /**
   * Per update: the bytes of the transaction's message beyond its key and value, and the bytes of
   * what the peer answers (acknowledgements).
   */
  record Figures(double overhead, double answer) {}

  /** Protocol bytes per single-field update. */
  static Figures overheadPerUpdate() throws Exception {
    Path dir = Fixture.tempDir("bench-wire");
    try (Connection hub = SyncNodes.hub(dir.resolve("hub.db"), 0);
        Connection node = SyncNodes.client(dir.resolve("node.db"), SyncNodes.port(hub))) {
      try (Statement s = node.createStatement()) {
        s.execute("CREATE TABLE kv (id BIGINT PRIMARY KEY, v VARCHAR(8))");
        s.execute("INSERT INTO kv VALUES (1, 'v0000000')");
      }
      await(hub, "SELECT COUNT(*) FROM kv WHERE v = 'v0000000'");
      await(node, "SELECT COUNT(*) FROM sys_peers WHERE behind = 0 AND state = 'LIVE'");
      long[] before = bytes(node);
      try (PreparedStatement up = node.prepareStatement("UPDATE kv SET v = ? WHERE id = 1")) {
        for (int i = 1; i <= UPDATES; i++) {
          up.setString(1, String.format(Locale.ROOT, "v%07d", i));
          up.executeUpdate();
        }
      }
      await(hub, String.format(Locale.ROOT, "SELECT COUNT(*) FROM kv WHERE v = 'v%07d'", UPDATES));
      await(node, "SELECT COUNT(*) FROM sys_peers WHERE behind = 0 AND state = 'LIVE'");
      long[] after = bytes(node);
      return new Figures(
          (double) (after[0] - before[0]) / UPDATES - KEY_AND_VALUE,
          (double) (after[1] - before[1]) / UPDATES);
    } finally {
      Fixture.deleteTree(dir);
    }
  }

  /** Bytes sent and received by the node's sessions. */
  private static long[] bytes(Connection c) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery("SELECT SUM(bytes_sent), SUM(bytes_received) FROM sys_peers")) {
      rs.next();
      return new long[] {rs.getLong(1), rs.getLong(2)};
    }
  }

  /** Polls until the count query returns a positive count. */
  private static void await(Connection c, String countSql) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (true) {
      try (Statement s = c.createStatement();
          ResultSet rs = s.executeQuery(countSql)) {
        if (rs.next() && rs.getLong(1) > 0) {
          return;
        }
      } catch (SQLException e) {
        // the table has not replicated yet
      }
      if (System.nanoTime() > deadline) {
        StringBuilder peers = new StringBuilder();
        try (Statement s = c.createStatement();
            ResultSet rs =
                s.executeQuery("SELECT role, state, behind, sent, received FROM sys_peers")) {
          while (rs.next()) {
            peers
                .append(' ')
                .append(rs.getString(1))
                .append('/')
                .append(rs.getString(2))
                .append(" behind ")
                .append(rs.getLong(3))
                .append(" sent ")
                .append(rs.getLong(4))
                .append(" received ")
                .append(rs.getLong(5));
          }
        }
        throw new IllegalStateException("timed out waiting for: " + countSql + "; peers:" + peers);
      }
      TimeUnit.MILLISECONDS.sleep(2);
    }
  }
}
