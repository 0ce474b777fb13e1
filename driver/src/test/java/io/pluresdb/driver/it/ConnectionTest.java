package io.pluresdb.driver.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.pluresdb.engine.EngineRegistry;
import io.pluresdb.jdbc.PluresConnection;
import io.pluresdb.jdbc.PluresDataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(180)
class ConnectionTest {
  @TempDir Path dir;

  @Test
  void connectionsToOneDatabaseShareOneEngineUntilTheLastCloses() throws Exception {
    String url = Db.freshMemoryUrl();
    String key = "mem:" + url.substring("jdbc:pluresdb:mem:".length());
    EngineRegistry registry = EngineRegistry.global();
    try (Connection a = Db.connect(url)) {
      Db.createAlbums(a);
      Connection b = Db.connect(url);
      assertThat(registry.references(key)).isEqualTo(2);
      Db.exec(a, "INSERT INTO album (id, name) VALUES (1, 'seen by both')");
      assertThat(Db.rows(b, "SELECT name FROM album")).containsExactly("seen by both");
      assertThat(b.unwrap(PluresConnection.class).nodeId())
          .isEqualTo(a.unwrap(PluresConnection.class).nodeId());
      b.close();
      assertThat(registry.references(key)).isEqualTo(1);
    }
    assertThat(registry.references(key)).isZero();
  }

  @Test
  void closingTheLastConnectionEndsEveryThreadOfTheDatabase() throws Exception {
    String node;
    try (Connection c = Db.connect("jdbc:pluresdb:" + dir.resolve("threads.db"))) {
      PluresConnection pc = c.unwrap(PluresConnection.class);
      node = pc.nodeId();
      Db.exec(c, "CREATE TABLE doc (id BIGINT PRIMARY KEY, v VECTOR(2))");
      Db.exec(c, "CREATE INDEX doc_v ON doc USING hnsw (v)");
      CountDownLatch delivered = new CountDownLatch(1);
      try (AutoCloseable sub =
          pc.subscribe("SELECT id FROM doc", List.of(), changes -> delivered.countDown())) {
        try (Statement s = c.createStatement()) {
          s.setQueryTimeout(30); // arms the timeout timer
          s.execute("INSERT INTO doc VALUES (1, '[1,0]')");
        }
        assertThat(delivered.await(120, TimeUnit.SECONDS)).isTrue();
      }
      assertThat(threadsOf(node))
          .contains("pluresdb-live-" + node, "pluresdb-hnsw-" + node, "pluresdb-timeout-" + node)
          .anyMatch(n -> n.startsWith("pluresdb-delivery-" + node));
    }
    await().atMost(Duration.ofSeconds(120)).until(() -> threadsOf(node).isEmpty());
  }

  private static List<String> threadsOf(String node) {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(Thread::isAlive)
        .map(Thread::getName)
        .filter(n -> n.startsWith("pluresdb-") && n.contains(node))
        .toList();
  }

  @Test
  void twoSpellingsOfOneFileShareTheEngine() throws Exception {
    try (Connection a = Db.connect("jdbc:pluresdb:" + dir.resolve("x.db"));
        Connection b = Db.connect("jdbc:pluresdb:" + dir.resolve("sub/../x.db"))) {
      Db.createAlbums(a);
      assertThat(Db.rows(b, "SELECT COUNT(*) FROM album")).containsExactly("0");
    }
  }

  @Test
  void concurrentOpensAndClosesAreSafe() throws Exception {
    String url = "jdbc:pluresdb:" + dir.resolve("busy.db");
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Callable<String>> tasks = new ArrayList<>();
      for (int i = 0; i < 32; i++) {
        tasks.add(
            () -> {
              try (Connection c = Db.connect(url)) {
                return c.unwrap(PluresConnection.class).databaseId();
              }
            });
      }
      List<String> ids = new ArrayList<>();
      for (Future<String> f : pool.invokeAll(tasks, 150, TimeUnit.SECONDS)) {
        ids.add(f.get());
      }
      assertThat(ids).hasSize(32).containsOnly(ids.get(0));
    } finally {
      pool.shutdownNow();
    }
    assertThat(EngineRegistry.global().references("file:" + dir.toRealPath().resolve("busy.db")))
        .isZero();
  }

  @Test
  void aSecondConnectionMayNotChangeEngineSettings() throws Exception {
    String url = Db.freshMemoryUrl();
    try (Connection a = Db.connect(url + "?synchronous=FULL")) {
      assertThatThrownBy(() -> Db.connect(url + "?synchronous=NORMAL"))
          .hasMessageContaining("synchronous=FULL")
          .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("08001"));
      assertThat(a.isValid(1)).isTrue();
    }
  }

  @Test
  void transactionsIsolationAndReadOnlyAreReportedHonestly() throws Exception {
    try (Connection c = Db.connect(Db.freshMemoryUrl())) {
      assertThat(c.getAutoCommit()).isTrue();
      assertThat(c.getTransactionIsolation()).isEqualTo(Connection.TRANSACTION_SERIALIZABLE);
      c.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
      assertThat(c.getTransactionIsolation()).isEqualTo(Connection.TRANSACTION_SERIALIZABLE);
      assertThat(c.getWarnings().getMessage()).contains("raised to TRANSACTION_SERIALIZABLE");
      assertThatThrownBy(() -> c.setTransactionIsolation(Connection.TRANSACTION_NONE))
          .isInstanceOf(java.sql.SQLFeatureNotSupportedException.class);
      assertThatThrownBy(c::commit)
          .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("25P01"));
      assertThat(c.getSchema()).isEqualTo("main");
      assertThatThrownBy(() -> c.setSchema("other"))
          .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("3F000"));
      assertThatThrownBy(c::setSavepoint)
          .as("savepoints need auto-commit off")
          .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("25P01"));
    }
  }

  @Test
  void readOnlyConnectionsRefuseWrites() throws Exception {
    String url = Db.freshMemoryUrl();
    try (Connection w = Db.connect(url);
        Connection r = Db.connect(url + "?read_only=true")) {
      Db.createAlbums(w);
      assertThat(r.isReadOnly()).isTrue();
      assertThatThrownBy(() -> Db.exec(r, "INSERT INTO album (id, name) VALUES (1, 'x')"))
          .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("25006"));
      assertThat(Db.rows(r, "SELECT COUNT(*) FROM album")).containsExactly("0");
    }
  }

  @Test
  void aWriterWaitsNoLongerThanLockTimeout() throws Exception {
    String url = "jdbc:pluresdb:" + dir.resolve("lock.db");
    try (Connection holder = Db.connect(url);
        Connection waiter = Db.connect(url + "?lock_timeout=100")) {
      Db.createAlbums(holder);
      holder.setAutoCommit(false);
      Db.exec(holder, "INSERT INTO album (id, name) VALUES (1, 'holding the writer')");
      assertThatThrownBy(() -> Db.exec(waiter, "INSERT INTO album (id, name) VALUES (2, 'x')"))
          .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("55P03"));
      holder.commit();
      Db.exec(waiter, "INSERT INTO album (id, name) VALUES (2, 'now')");
    }
  }

  @Test
  void theDataSourceConnectsWithItsProperties() throws Exception {
    PluresDataSource ds = new PluresDataSource();
    ds.setUrl("jdbc:pluresdb:" + dir.resolve("ds.db"));
    ds.setReadOnly(true);
    try (Connection c = ds.getConnection()) {
      assertThat(c.isReadOnly()).isTrue();
      assertThat(c.getMetaData().getURL()).isEqualTo(ds.getUrl());
    }
  }

  @Test
  void theNodePropertyNamesANewDatabaseNode() throws Exception {
    String url = "jdbc:pluresdb:" + dir.resolve("named.db");
    try (Connection c = Db.connect(url + "?node=0000000000a1")) {
      assertThat(c.unwrap(PluresConnection.class).nodeId()).isEqualTo("0000000000a1");
    }
    try (Connection c = Db.connect(url + "?node=0000000000b2")) {
      assertThat(c.unwrap(PluresConnection.class).nodeId())
          .as("an existing database keeps its node")
          .isEqualTo("0000000000a1");
    }
    try (Connection a = Db.connect("jdbc:pluresdb:" + dir.resolve("a.db") + "?node=alpha");
        Connection b = Db.connect("jdbc:pluresdb:" + dir.resolve("b.db") + "?node=alpha");
        Connection other = Db.connect("jdbc:pluresdb:" + dir.resolve("c.db"))) {
      String alpha = a.unwrap(PluresConnection.class).nodeId();
      assertThat(b.unwrap(PluresConnection.class).nodeId()).isEqualTo(alpha);
      assertThat(other.unwrap(PluresConnection.class).nodeId()).isNotEqualTo(alpha);
    }
  }
}
