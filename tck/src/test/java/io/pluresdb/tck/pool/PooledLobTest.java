package io.pluresdb.tck.pool;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.pluresdb.jdbc.PluresConnection;
import io.pluresdb.jdbc.PluresDataSource;
import java.nio.file.Path;
import java.sql.Blob;
import java.sql.Clob;
import java.sql.Connection;
import java.sql.NClob;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * HikariCP evicts a connection on which any call fails with 0A000 (it counts that state as a broken
 * connection). Hibernate makes a Clob at start, so LOB factories must work on a pooled connection
 * and leave it in the pool.
 */
@Timeout(60)
class PooledLobTest {
  @TempDir Path tmp;

  @Test
  void lobFactoriesWorkOnAPooledConnectionWhichStaysInThePool() throws Exception {
    HikariConfig config = new HikariConfig();
    config.setDataSource(new PluresDataSource("jdbc:pluresdb:" + tmp.resolve("lob.db")));
    config.setPoolName("pluresdb-lob");
    config.setMaximumPoolSize(1);
    config.setConnectionTimeout(10_000);
    try (HikariDataSource pool = new HikariDataSource(config)) {
      PluresConnection physical;
      try (Connection c = pool.getConnection()) {
        physical = c.unwrap(PluresConnection.class);
        Clob clob = c.createClob();
        NClob nclob = c.createNClob();
        Blob blob = c.createBlob();
        clob.setString(1, "text");
        nclob.setString(1, "ntext");
        blob.setBytes(1, new byte[] {42});
        try (Statement s = c.createStatement()) {
          s.execute("CREATE TABLE lob (id INTEGER PRIMARY KEY, c TEXT, n TEXT, b BLOB)");
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO lob VALUES (1, ?, ?, ?)")) {
          ps.setClob(1, clob);
          ps.setNClob(2, nclob);
          ps.setBlob(3, blob);
          ps.executeUpdate();
        }
      }
      try (Connection c = pool.getConnection();
          Statement s = c.createStatement();
          ResultSet rs = s.executeQuery("SELECT c, n, b FROM lob")) {
        assertThat(c.unwrap(PluresConnection.class))
            .as("the pool kept its one connection: it was not counted as broken")
            .isSameAs(physical);
        assertThat(rs.next()).isTrue();
        assertThat(rs.getClob(1).getSubString(1, 4)).isEqualTo("text");
        assertThat(rs.getNClob(2).getSubString(1, 5)).isEqualTo("ntext");
        assertThat(rs.getBlob(3).getBytes(1, 1)).containsExactly(42);
      }
      assertThat(pool.getHikariPoolMXBean().getTotalConnections()).isEqualTo(1);
    }
  }
}
