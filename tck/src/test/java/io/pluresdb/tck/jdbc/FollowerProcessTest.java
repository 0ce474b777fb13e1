package io.pluresdb.tck.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.pluresdb.jdbc.PluresConnection;
import io.pluresdb.jdbc.PluresNotification;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A connection in this JVM to a database file that another OS process owns (a follower), seen as an
 * application sees it: a forwarded statement cancels, a forwarded transaction sees the tables it
 * created, LISTEN receives the owner's notifications, and the owner's death is reported precisely.
 */
@Timeout(900)
class FollowerProcessTest {
  private static final Duration EVENT = Duration.ofSeconds(120);

  /** A three-way cross join of 1,000 rows: a billion combinations, running for minutes. */
  private static final String ENDLESS_WRITE =
      "INSERT INTO m SELECT COUNT(*) FROM n a, n b, n c WHERE a.x + b.x + c.x >= 0";

  @TempDir Path dir;
  private final ExecutorService pool = Executors.newSingleThreadExecutor();

  @AfterEach
  void stopPool() {
    pool.shutdownNow();
  }

  @Test
  void cancelStopsAForwardedStatementOnTheOwnerWith57014() throws Exception {
    String url = Db.fileUrl(dir, "cancel");
    try (SqlProcess owner = SqlProcess.start(dir, url, "owner");
        Connection follower = Db.open(url)) {
      endlessTables(owner, follower);
      Statement s = follower.createStatement();
      Future<Integer> running = pool.submit(() -> s.executeUpdate(ENDLESS_WRITE));
      // cancel() only stops a statement that runs, and "it runs on the owner now" sends no
      // signal: cancel again until the statement gives up (it would run for minutes otherwise)
      await()
          .atMost(EVENT)
          .pollInterval(Duration.ofMillis(200))
          .until(
              () -> {
                s.cancel();
                return running.isDone();
              });
      SQLException e = failure(running);
      assertThat(e.getSQLState()).as("%s", e.getMessage()).isEqualTo("57014");
      assertThat(Db.count(follower, "m")).as("the cancelled write left nothing").isZero();
      assertThat(owner.send("query SELECT count(*) FROM m")).isEqualTo("ROWS 0");
      assertThat(s.executeUpdate("INSERT INTO m VALUES (7)"))
          .as("the connection forwards on after a cancel")
          .isEqualTo(1);
      assertThat(owner.send("query SELECT x FROM m")).isEqualTo("ROWS 7");
    }
  }

  @Test
  void aForwardedTransactionSeesTheTablesItCreated() throws Exception {
    String url = Db.fileUrl(dir, "ddl");
    try (SqlProcess owner = SqlProcess.start(dir, url, "owner");
        Connection follower = Db.open(url)) {
      assertThat(owner.send("update CREATE TABLE t (id INTEGER PRIMARY KEY)")).isEqualTo("OK 0");
      follower.setAutoCommit(false);
      Db.exec(follower, "CREATE TABLE u (id INTEGER PRIMARY KEY, name VARCHAR(20))");
      try (PreparedStatement p = follower.prepareStatement("INSERT INTO u VALUES (?, ?)")) {
        assertThat(p.getParameterMetaData().getParameterCount()).isEqualTo(2);
        p.setInt(1, 1);
        p.setString(2, "one");
        assertThat(p.executeUpdate()).isEqualTo(1);
      }
      Db.exec(follower, "ALTER TABLE u ADD COLUMN note VARCHAR(20)");
      Db.exec(follower, "UPDATE u SET note = 'added' WHERE id = 1");
      try (Statement s = follower.createStatement();
          ResultSet rs = s.executeQuery("SELECT * FROM u")) {
        ResultSetMetaData md = rs.getMetaData();
        assertThat(md.getColumnCount()).isEqualTo(3);
        assertThat(md.getColumnName(3)).isEqualToIgnoringCase("note");
        assertThat(rs.next()).isTrue();
        assertThat(rs.getInt(1) + " " + rs.getString(2) + " " + rs.getString(3))
            .isEqualTo("1 one added");
      }
      assertThat(owner.send("query SELECT count(*) FROM t")).isEqualTo("ROWS 0");
      assertThat(owner.send("query SELECT count(*) FROM u"))
          .as("the owner's other sessions do not see the open transaction")
          .startsWith("ERR 42P01 ");
      follower.commit();
      assertThat(owner.send("query SELECT id, name, note FROM u")).isEqualTo("ROWS 1 one added");
      assertThat(Db.rows(follower, "SELECT name FROM u")).containsExactly("one");

      Db.exec(follower, "CREATE TABLE gone (id INTEGER PRIMARY KEY)");
      Db.exec(follower, "INSERT INTO gone VALUES (1)");
      assertThat(Db.count(follower, "gone")).isEqualTo(1);
      follower.rollback();
      Db.assertSqlState("42P01", () -> Db.count(follower, "gone"));
    }
  }

  @Test
  void listenInTheFollowerReceivesTheOwnersNotificationsAndItsOwn() throws Exception {
    String url = Db.fileUrl(dir, "listen");
    try (SqlProcess owner = SqlProcess.start(dir, url, "owner");
        Connection follower = Db.open(url)) {
      Db.exec(follower, "LISTEN jobs");
      assertThat(owner.send("update NOTIFY jobs, 'from the owner'")).startsWith("OK");
      assertThat(awaitNotification(follower)).isEqualTo("jobs from the owner");
      assertThat(owner.send("update NOTIFY other, 'not listened to'")).startsWith("OK");
      Db.exec(follower, "NOTIFY jobs, 'from the follower'");
      assertThat(awaitNotification(follower))
          .as("its own NOTIFY, forwarded, comes back as the owner's do")
          .isEqualTo("jobs from the follower");
      Db.exec(follower, "UNLISTEN jobs");
      assertThat(owner.send("update NOTIFY jobs, 'after unlisten'")).startsWith("OK");
      Db.exec(follower, "LISTEN done");
      assertThat(owner.send("update NOTIFY done, 'last'")).startsWith("OK");
      assertThat(awaitNotification(follower))
          .as("nothing on a channel it left or never joined came in between")
          .isEqualTo("done last");
    }
  }

  @Test
  void listenInTheFollowerReceivesWhatTheOwnersReplicationPeersNotify() throws Exception {
    String token = "s3cret";
    try (Connection hub = Db.open(Db.fileUrl(dir, "hub") + "?listen=127.0.0.1:0&token=" + token)) {
      int port = hub.unwrap(PluresConnection.class).listenPort();
      String url = Db.fileUrl(dir, "node") + "?peers=ws://127.0.0.1:" + port + "&token=" + token;
      try (SqlProcess owner = SqlProcess.start(dir, url, "owner");
          Connection follower = Db.open(url)) {
        Db.exec(follower, "LISTEN jobs");
        // the owner's replication session with the hub comes up on its own time: notify until
        // one arrives (a notification sent before the session is live is not delivered)
        List<String> seen = new ArrayList<>();
        await()
            .atMost(EVENT)
            .pollInterval(Duration.ofMillis(500))
            .until(
                () -> {
                  Db.exec(hub, "NOTIFY jobs, 'from the hub'");
                  seen.addAll(notifications(follower, 200));
                  return !seen.isEmpty();
                });
        assertThat(seen).allMatch("jobs from the hub"::equals);
      }
    }
  }

  @Test
  void aTransactionOpenWhenTheOwnerIsKilledFailsWith40000NamingIt() throws Exception {
    String url = Db.fileUrl(dir, "lost");
    SqlProcess owner = SqlProcess.start(dir, url, "owner");
    try (Connection follower = Db.open(url)) {
      assertThat(owner.send("update CREATE TABLE t (id INTEGER PRIMARY KEY)")).isEqualTo("OK 0");
      Db.exec(follower, "LISTEN jobs");
      follower.setAutoCommit(false);
      Db.exec(follower, "INSERT INTO t VALUES (1)");
      owner.kill();
      SQLException e =
          Db.assertSqlState("40000", () -> Db.exec(follower, "INSERT INTO t VALUES (2)"));
      assertThat(e.getMessage())
          .contains("lost.db")
          .contains("ended during this transaction")
          .contains("rolled back");
      Db.exec(follower, "INSERT INTO t VALUES (3)", "NOTIFY jobs, 'after the takeover'");
      follower.commit();
      assertThat(Db.rows(follower, "SELECT id FROM t")).containsExactly("3");
      assertThat(awaitNotification(follower))
          .as("a LISTEN from before this process took over still receives")
          .isEqualTo("jobs after the takeover");
    } finally {
      owner.close();
    }
  }

  @Test
  void anAutoCommitWriteUnderWayWhenTheOwnerIsKilledReports08007() throws Exception {
    String url = Db.fileUrl(dir, "unknown");
    SqlProcess owner = SqlProcess.start(dir, url, "owner");
    try (Connection follower = Db.open(url)) {
      endlessTables(owner, follower);
      Statement s = follower.createStatement();
      Thread[] worker = new Thread[1];
      Future<Integer> running =
          pool.submit(
              () -> {
                worker[0] = Thread.currentThread();
                return s.executeUpdate(ENDLESS_WRITE);
              });
      // the event: the statement has gone to the owner and its connection waits for the answer
      await().atMost(EVENT).until(() -> worker[0] != null && waitsForTheOwner(worker[0]));
      owner.kill();
      SQLException e = failure(running);
      assertThat(e.getSQLState()).as("%s", e.getMessage()).isEqualTo("08007");
      assertThat(e.getMessage()).contains("unknown.db").contains("may or may not have committed");
      assertThat(Db.count(follower, "m")).as("this process has taken over").isZero();
      assertThat(s.executeUpdate("INSERT INTO m VALUES (1)")).isEqualTo(1);
    } finally {
      owner.close();
    }
  }

  /** Table n of 1,000 rows for {@link #ENDLESS_WRITE}, and its target m, made by both sides. */
  private static void endlessTables(SqlProcess owner, Connection follower) throws Exception {
    assertThat(owner.send("update CREATE TABLE n (x INTEGER PRIMARY KEY)")).isEqualTo("OK 0");
    assertThat(owner.send("update CREATE TABLE m (x BIGINT)")).isEqualTo("OK 0");
    try (PreparedStatement p = follower.prepareStatement("INSERT INTO n VALUES (?)")) {
      for (int i = 0; i < 1000; i++) {
        p.setInt(1, i);
        p.addBatch();
      }
      assertThat(p.executeBatch()).hasSize(1000);
    }
    assertThat(owner.send("query SELECT count(*) FROM n")).isEqualTo("ROWS 1000");
  }

  /** Whether {@code t} is blocked reading the owner's answer to a forwarded request. */
  private static boolean waitsForTheOwner(Thread t) {
    return Arrays.stream(t.getStackTrace())
        .anyMatch(
            f ->
                f.getClassName().equals("io.pluresdb.engine.processes.Wire")
                    && f.getMethodName().equals("readFrameBytes"));
  }

  private static SQLException failure(Future<?> running) throws Exception {
    try {
      Object result = running.get(EVENT.toSeconds(), TimeUnit.SECONDS);
      throw new AssertionError("the statement was expected to fail, but returned " + result);
    } catch (ExecutionException e) {
      assertThat(e.getCause()).isInstanceOf(SQLException.class);
      return (SQLException) e.getCause();
    }
  }

  private static String awaitNotification(Connection c) throws SQLException {
    List<String> got = new ArrayList<>();
    await().atMost(EVENT).until(() -> got.addAll(notifications(c, 1000)));
    assertThat(got).as("one notification").hasSize(1);
    return got.get(0);
  }

  private static List<String> notifications(Connection c, int waitMillis) throws SQLException {
    List<String> out = new ArrayList<>();
    for (PluresNotification n : c.unwrap(PluresConnection.class).getNotifications(waitMillis)) {
      out.add(n.getName() + " " + n.getParameter());
    }
    return out;
  }
}
