package io.pluresdb.driver.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.pluresdb.jdbc.PluresConnection;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * History that stays bounded: compaction folds away what every known peer holds once it is older
 * than {@code history_retention}, reads of the past within the retention still answer, a known peer
 * that stays away holds the horizon back until it is dropped, and writers lose nothing meanwhile.
 */
@Timeout(300)
class CompactionTest {
  private static final DateTimeFormatter UTC =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS", Locale.ROOT).withZone(ZoneOffset.UTC);
  private static final long TWO_HOURS = Duration.ofHours(2).toMillis();

  @Test
  void updatesOfOneRowFoldAwayAndTheLogStaysBounded(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("app.db");
    int updates = 5_000;
    try (Connection c = Db.connect("jdbc:pluresdb:" + file + "?history_retention=0")) {
      Db.exec(c, "CREATE TABLE status (id BIGINT PRIMARY KEY, v INTEGER, likes COUNTER)");
      Db.exec(c, "INSERT INTO status VALUES (1, 0, 0)");
      try (PreparedStatement ps =
          c.prepareStatement("UPDATE status SET v = ?, likes = likes + 1 WHERE id = 1")) {
        for (int i = 1; i <= updates; i++) {
          ps.setInt(1, i);
          ps.executeUpdate();
        }
      }
      assertThat(logRecords(c)).isGreaterThan(updates);
      assertThat(Db.rows(c, "SELECT pl_compact()").get(0)).isEqualTo(Integer.toString(updates));
      assertThat(Db.rows(c, "SELECT id, v, likes FROM status"))
          .containsExactly("1|" + updates + "|" + updates);
      assertThat(Db.rows(c, "SELECT v, likes FROM status FOR SYSTEM_TIME AS OF " + now()))
          .containsExactly(updates + "|" + updates);
      assertThat(Db.rows(c, "SELECT count(*) FROM sys_history WHERE tbl = 'status'"))
          .containsExactly("2"); // the newest record, v and likes, stays
      Db.exec(c, "VACUUM");
    }
    try (Connection raw = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement s = raw.createStatement()) {
      assertThat(count(s, "SELECT count(*) FROM _pl_log")).isLessThanOrEqualTo(3);
      assertThat(count(s, "SELECT count(*) FROM _pl_log_entity")).isLessThanOrEqualTo(2);
      assertThat(count(s, "SELECT count(*) FROM _pl_meta WHERE k = 'history_horizon'"))
          .isEqualTo(1);
    }
  }

  @Test
  void thePastWithinTheRetentionStillReadsAndBeforeTheHorizonIsRefused(@TempDir Path dir)
      throws Exception {
    String url = "jdbc:pluresdb:" + dir.resolve("app.db");
    // the first writes are made by a clock two hours behind: history older than the retention
    try (Connection c = Db.connect(url + "?clock_offset=-" + TWO_HOURS)) {
      Db.exec(c, "CREATE TABLE note (id BIGINT PRIMARY KEY, body VARCHAR(40), n COUNTER)");
      Db.exec(c, "INSERT INTO note VALUES (1, 'old 0', 1), (2, 'gone', 0)");
      for (int i = 1; i <= 200; i++) {
        Db.exec(c, "UPDATE note SET body = 'old " + i + "', n = n + 1 WHERE id = 1");
      }
      Db.exec(c, "DELETE FROM note WHERE id = 2");
    }
    String before = at(System.currentTimeMillis() - 3 * TWO_HOURS);
    String between = at(System.currentTimeMillis() - TWO_HOURS / 4);
    try (Connection c = Db.connect(url + "?history_retention=1h")) {
      for (int i = 1; i <= 100; i++) {
        Db.exec(c, "UPDATE note SET body = 'new " + i + "', n = n + 1 WHERE id = 1");
      }
      assertThat(Db.rows(c, "SELECT body, n FROM note FOR SYSTEM_TIME AS OF " + between))
          .containsExactly("old 200|201");
      List<String> folded = Db.rows(c, "SELECT pl_compact()");
      assertThat(Integer.parseInt(folded.get(0))).isGreaterThanOrEqualTo(201);
      // the folded past is where a read of the past starts
      assertThat(Db.rows(c, "SELECT id, body, n FROM note FOR SYSTEM_TIME AS OF " + between))
          .containsExactly("1|old 200|201");
      assertThat(Db.rows(c, "SELECT id, body, n FROM note FOR SYSTEM_TIME AS OF " + now()))
          .containsExactly("1|new 100|301");
      assertThat(Db.rows(c, "SELECT id, body, n FROM note")).containsExactly("1|new 100|301");
      assertThat(Db.rows(c, "SELECT count(*) FROM sys_history WHERE tbl = 'note' AND field = 'n'"))
          .containsExactly("100");
      assertThatThrownBy(() -> Db.rows(c, "SELECT * FROM note FOR SYSTEM_TIME AS OF " + before))
          .isInstanceOf(SQLException.class)
          .hasMessageContaining("is no longer kept")
          .extracting(e -> ((SQLException) e).getSQLState())
          .isEqualTo("22023");
      // nothing more is old enough
      assertThat(Db.rows(c, "SELECT pl_compact()")).containsExactly("0");
    }
  }

  @Test
  void aKnownPeerThatStaysAwayHoldsTheHorizonBackUntilDropped() throws Exception {
    String hubUrl = Db.freshMemoryUrl() + "?listen=127.0.0.1:0&token=s3cret&history_retention=0";
    try (Connection hub = Db.connect(hubUrl)) {
      Db.exec(hub, "CREATE TABLE note (id BIGINT PRIMARY KEY, v INTEGER)");
      Db.exec(hub, "INSERT INTO note VALUES (1, 0)");
      int port = hub.unwrap(PluresConnection.class).listenPort();
      String clientNode;
      String clientUrl = Db.freshMemoryUrl() + "?peers=ws://127.0.0.1:" + port + "&token=s3cret";
      try (Connection client = Db.connect(clientUrl)) {
        await()
            .ignoreExceptions()
            .atMost(Duration.ofSeconds(90))
            .until(() -> Db.rows(client, "SELECT v FROM note WHERE id = 1").equals(List.of("0")));
        for (int i = 1; i <= 50; i++) {
          Db.exec(hub, "UPDATE note SET v = " + i + " WHERE id = 1");
        }
        await()
            .ignoreExceptions()
            .atMost(Duration.ofSeconds(90))
            .until(() -> Db.rows(client, "SELECT v FROM note WHERE id = 1").equals(List.of("50")));
        clientNode = Db.rows(hub, "SELECT node FROM sys_peers").get(0);
        // once the client acknowledged them, what it holds folds away
        await()
            .ignoreExceptions()
            .atMost(Duration.ofSeconds(90))
            .until(() -> Db.rows(hub, "SELECT holds_back FROM sys_peers").equals(List.of("0")));
        assertThat(Integer.parseInt(Db.rows(hub, "SELECT pl_compact()").get(0))).isGreaterThan(0);
      }
      await()
          .atMost(Duration.ofSeconds(90))
          .until(() -> Db.rows(hub, "SELECT state FROM sys_peers WHERE state = 'LIVE'").isEmpty());
      for (int i = 51; i <= 80; i++) {
        Db.exec(hub, "UPDATE note SET v = " + i + " WHERE id = 1");
      }
      // the client has not acknowledged these: they stay (only the record that was the newest
      // before them may go), and the client shows why
      assertThat(Integer.parseInt(Db.rows(hub, "SELECT pl_compact()").get(0)))
          .isLessThanOrEqualTo(1);
      assertThat(
              Db.rows(
                  hub,
                  "SELECT node, holds_back, acked_at IS NOT NULL FROM sys_peers"
                      + " WHERE holds_back > 0"))
          .containsExactly(clientNode + "|30|1");
      assertThat(historyOf(hub)).isGreaterThanOrEqualTo(30);

      assertThat(Db.rows(hub, "SELECT pl_drop_peer('" + clientNode + "')")).containsExactly("1");
      assertThat(Db.rows(hub, "SELECT pl_drop_peer('" + clientNode + "')")).containsExactly("0");
      assertThat(Integer.parseInt(Db.rows(hub, "SELECT pl_compact()").get(0)))
          .isGreaterThanOrEqualTo(29);
      assertThat(Db.rows(hub, "SELECT node FROM sys_peers WHERE holds_back > 0")).isEmpty();
      assertThat(historyOf(hub)).isLessThanOrEqualTo(1);
      assertThat(Db.rows(hub, "SELECT v FROM note")).containsExactly("80");
    }
  }

  @Test
  void compactionBesideWritersLosesNothing() throws Exception {
    String url = Db.freshMemoryUrl() + "?history_retention=0";
    try (Connection c = Db.connect(url)) {
      Db.exec(c, "CREATE TABLE item (id BIGINT PRIMARY KEY, v INTEGER, n COUNTER)");
      int writers = 3;
      int rows = 20;
      int rounds = 150;
      java.util.concurrent.atomic.AtomicBoolean done =
          new java.util.concurrent.atomic.AtomicBoolean();
      java.util.concurrent.atomic.AtomicLong compacted =
          new java.util.concurrent.atomic.AtomicLong();
      Thread compactor =
          new Thread(
              () -> {
                try (Connection k = Db.connect(url)) {
                  while (!done.get()) {
                    compacted.addAndGet(Long.parseLong(Db.rows(k, "SELECT pl_compact()").get(0)));
                  }
                } catch (SQLException e) {
                  throw new IllegalStateException(e);
                }
              });
      compactor.start();
      List<Thread> threads = new java.util.ArrayList<>();
      java.util.concurrent.ConcurrentLinkedQueue<Throwable> failures =
          new java.util.concurrent.ConcurrentLinkedQueue<>();
      for (int w = 0; w < writers; w++) {
        int base = w * rows;
        Thread t =
            new Thread(
                () -> {
                  try (Connection k = Db.connect(url)) {
                    for (int r = 0; r < rows; r++) {
                      Db.exec(k, "INSERT INTO item VALUES (" + (base + r) + ", 0, 0)");
                    }
                    for (int round = 1; round <= rounds; round++) {
                      for (int r = 0; r < rows; r += 7) {
                        Db.exec(
                            k,
                            "UPDATE item SET v = "
                                + round
                                + ", n = n + 1 WHERE id = "
                                + (base + r));
                      }
                    }
                    Db.exec(k, "DELETE FROM item WHERE id = " + (base + 1));
                  } catch (Throwable e) {
                    failures.add(e);
                  }
                });
        threads.add(t);
        t.start();
      }
      for (Thread t : threads) {
        t.join();
      }
      done.set(true);
      compactor.join();
      assertThat(failures).isEmpty();
      compacted.addAndGet(Long.parseLong(Db.rows(c, "SELECT pl_compact()").get(0)));
      assertThat(compacted.get()).isGreaterThan(0);
      for (int w = 0; w < writers; w++) {
        int base = w * rows;
        for (int r = 0; r < rows; r++) {
          String expected =
              r == 1
                  ? null
                  : r % 7 == 0 ? (base + r) + "|" + rounds + "|" + rounds : (base + r) + "|0|0";
          List<String> got = Db.rows(c, "SELECT id, v, n FROM item WHERE id = " + (base + r));
          List<String> past =
              Db.rows(
                  c,
                  "SELECT id, v, n FROM item FOR SYSTEM_TIME AS OF "
                      + now()
                      + " WHERE id = "
                      + (base + r));
          if (expected == null) {
            assertThat(got).isEmpty();
            assertThat(past).isEmpty();
          } else {
            assertThat(got).containsExactly(expected);
            assertThat(past).containsExactly(expected);
          }
        }
      }
      assertThat(historyOf(c)).isLessThanOrEqualTo(3);
    }
  }

  /** Log records of the whole node still in its history (sys_history counts fields; this rows). */
  private static int historyOf(Connection c) throws SQLException {
    return Integer.parseInt(Db.rows(c, "SELECT count(DISTINCT tx) FROM sys_history").get(0));
  }

  private static int logRecords(Connection c) throws SQLException {
    return historyOf(c);
  }

  private static int count(Statement s, String sql) throws SQLException {
    try (ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getInt(1);
    }
  }

  private static String now() throws InterruptedException {
    Thread.sleep(2); // a later write gets a later millisecond
    return at(System.currentTimeMillis());
  }

  private static String at(long millis) {
    return "TIMESTAMP '" + UTC.format(Instant.ofEpochMilli(millis)) + "'";
  }
}
