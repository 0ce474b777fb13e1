package io.pluresdb.boot.autoconfigure;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/**
 * One reading of {@code sys_peers}: how many peers, how many of them live, how many transactions
 * they are behind, how many of theirs are parked here, and the transactions sent and received.
 */
record PeerSummary(int peers, int live, long behind, long parked, long sent, long received) {

  static final PeerSummary NONE = new PeerSummary(0, 0, 0, 0, 0, 0);

  static PeerSummary read(DataSource dataSource) throws SQLException {
    try (Connection c = dataSource.getConnection()) {
      return read(c);
    }
  }

  static PeerSummary read(Connection c) throws SQLException {
    int peers = 0;
    int live = 0;
    long behind = 0;
    long parked = 0;
    long sent = 0;
    long received = 0;
    try (Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery("SELECT state, behind, parked, sent, received FROM sys_peers")) {
      while (rs.next()) {
        peers++;
        if ("LIVE".equals(rs.getString(1))) {
          live++;
        }
        behind += rs.getLong(2);
        parked += rs.getLong(3);
        sent += rs.getLong(4);
        received += rs.getLong(5);
      }
    }
    return new PeerSummary(peers, live, behind, parked, sent, received);
  }
}
