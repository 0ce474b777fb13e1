package io.pluresdb.tck.pool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.pluresdb.jdbc.PluresConnection;
import io.pluresdb.jdbc.PluresDataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** HikariCP pools PluresDB connections from a {@link PluresDataSource}. */
@Timeout(60)
class HikariPoolTest {
  @TempDir Path tmp;
  HikariDataSource pool;

  private HikariConfig config() {
    HikariConfig config = new HikariConfig();
    config.setDataSource(new PluresDataSource("jdbc:pluresdb:" + tmp.resolve("pool.db")));
    config.setPoolName("pluresdb-test");
    config.setMaximumPoolSize(4);
    config.setConnectionTimeout(10_000);
    return config;
  }

  private HikariDataSource start(HikariConfig config) throws SQLException {
    pool = new HikariDataSource(config);
    try (Connection c = pool.getConnection();
        Statement s = c.createStatement()) {
      s.execute("CREATE TABLE IF NOT EXISTS hit (id BIGINT PRIMARY KEY, worker INTEGER)");
    }
    return pool;
  }

  @AfterEach
  void close() {
    if (pool != null) {
      pool.close();
    }
  }

  private long count(String sql) throws SQLException {
    try (Connection c = pool.getConnection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  @Test
  void pooledConnectionsWorkConcurrentlyOnOneDatabase() throws Exception {
    start(config());
    ExecutorService workers = Executors.newFixedThreadPool(4);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int w = 0; w < 4; w++) {
        int worker = w;
        done.add(
            workers.submit(
                () -> {
                  for (int i = 0; i < 25; i++) {
                    try (Connection c = pool.getConnection();
                        PreparedStatement p =
                            c.prepareStatement("INSERT INTO hit (id, worker) VALUES (?, ?)")) {
                      p.setLong(1, worker * 1000L + i);
                      p.setInt(2, worker);
                      p.executeUpdate();
                    }
                  }
                  return null;
                }));
      }
      for (Future<?> f : done) {
        f.get(30, TimeUnit.SECONDS);
      }
    } finally {
      workers.shutdownNow();
    }
    assertThat(count("SELECT COUNT(*) FROM hit")).isEqualTo(100);
    assertThat(count("SELECT COUNT(DISTINCT worker) FROM hit")).isEqualTo(4);
    assertThat(pool.getHikariPoolMXBean().getTotalConnections()).isBetween(1, 4);
  }

  @Test
  void connectionsAreValidatedWithIsValidOrATestQuery() throws Exception {
    start(config()); // no test query: Hikari validates with isValid
    try (Connection c = pool.getConnection()) {
      assertThat(c.isValid(1)).isTrue();
    }
    pool.close();

    HikariConfig withQuery = config();
    withQuery.setConnectionTestQuery("SELECT 1");
    start(withQuery);
    try (Connection c = pool.getConnection()) {
      assertThat(c.isValid(1)).isTrue();
    }

    HikariConfig badQuery = config();
    badQuery.setPoolName("pluresdb-bad");
    badQuery.setConnectionTestQuery("SELECT FROM nowhere");
    badQuery.setInitializationFailTimeout(1);
    assertThatThrownBy(() -> new HikariDataSource(badQuery).close())
        .as("a failing test query fails the pool's start")
        .cause()
        .isInstanceOfSatisfying(
            SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("42601"));
  }

  @Test
  void schemaIsSetAndResetAsThePoolConfiguresIt() throws Exception {
    HikariConfig config = config();
    config.setSchema("main");
    config.setAutoCommit(false);
    config.setTransactionIsolation("TRANSACTION_SERIALIZABLE");
    start(config);
    try (Connection c = pool.getConnection()) {
      assertThat(c.getSchema()).isEqualTo("main");
      assertThat(c.getAutoCommit()).isFalse();
      c.setSchema("main");
      assertThatThrownBy(() -> c.setSchema("other"))
          .isInstanceOfSatisfying(
              SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("3F000"));
      c.setAutoCommit(true); // the pool restores the configured value on return
    }
    try (Connection c = pool.getConnection()) {
      assertThat(c.getAutoCommit()).isFalse();
      assertThat(c.getSchema()).isEqualTo("main");
    }
  }

  @Test
  void networkTimeoutIsKeptPerConnection() throws Exception {
    start(config());
    try (Connection c = pool.getConnection()) {
      ExecutorService executor = Executors.newSingleThreadExecutor();
      try {
        c.setNetworkTimeout(executor, 5_000);
        assertThat(c.getNetworkTimeout()).isEqualTo(5_000);
        c.setNetworkTimeout(executor, 0);
        assertThat(c.getNetworkTimeout()).isZero();
      } finally {
        executor.shutdownNow();
      }
    }
  }

  @Test
  void closingThePoolAbortsConnectionsStillInUse() throws Exception {
    start(config());
    Connection borrowed = pool.getConnection();
    PluresConnection physical = borrowed.unwrap(PluresConnection.class);
    assertThat(physical.isClosed()).isFalse();

    pool.close(); // Hikari aborts active connections with Connection.abort(executor)

    await().atMost(Duration.ofSeconds(20)).until(physical::isClosed);
    assertThatThrownBy(() -> physical.createStatement())
        .isInstanceOfSatisfying(
            SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("08003"));
  }
}
