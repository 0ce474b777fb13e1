package io.pluresdb.driver.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.pluresdb.jdbc.PluresConnection;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A client that stays offline while its hub compacts its history away, several times over, with
 * writes of its own each time: it catches up by row states and then the log tail, its offline
 * writes (new rows, COUNTER increments) still merge, and a row the hub deleted and whose tombstone
 * compaction dropped leaves the client too.
 */
@Timeout(600)
class OfflineAcrossCompactionsTest {
  private static final String ALL = "SELECT id, v, likes, body FROM note ORDER BY id";

  @Test
  void aClientOfflineAcrossSeveralCompactionsCatchesUpAndItsWritesStillMerge(@TempDir Path dir)
      throws Exception {
    String hubUrl = Db.freshMemoryUrl() + "?listen=127.0.0.1:0&token=s3cret&history_retention=0";
    try (Connection hub = Db.connect(hubUrl)) {
      Db.exec(
          hub,
          "CREATE TABLE note (id BIGINT PRIMARY KEY, v INTEGER, likes COUNTER, body TEXT)",
          "INSERT INTO note VALUES (1, 0, 0, 'start')");
      int port = hub.unwrap(PluresConnection.class).listenPort();
      String file = dir.resolve("client.db").toString();
      String online = "jdbc:pluresdb:" + file + "?peers=ws://127.0.0.1:" + port + "&token=s3cret";
      String offline = "jdbc:pluresdb:" + file;
      try (Connection c = Db.connect(online)) {
        awaitSame(hub, c);
      }
      for (int round = 1; round <= 3; round++) {
        awaitNoLiveSession(hub);
        // while the client is away the hub writes, deletes its previous row, and folds it all away
        Db.exec(hub, "INSERT INTO note VALUES (" + round * 10 + ", " + round + ", 0, 'hub')");
        if (round > 1) {
          Db.exec(hub, "DELETE FROM note WHERE id = " + (round - 1) * 10);
        }
        // (the newest record stays in the log: updates come last so that the delete folds)
        for (int i = 0; i < 20; i++) {
          Db.exec(
              hub, "UPDATE note SET v = " + (round * 100 + i) + ", likes = likes + 1 WHERE id = 1");
        }
        for (String node : Db.rows(hub, "SELECT node FROM sys_peers")) {
          Db.rows(hub, "SELECT pl_drop_peer('" + node + "')");
        }
        assertThat(Long.parseLong(Db.rows(hub, "SELECT pl_compact()").get(0))).isGreaterThan(0);

        // the client writes offline
        try (Connection c = Db.connect(offline)) {
          Db.exec(
              c,
              "INSERT INTO note VALUES (" + (1000 + round) + ", 0, 0, 'client')",
              "UPDATE note SET likes = likes + 10 WHERE id = 1");
        }
        try (Connection c = Db.connect(online)) {
          assertThat(awaitSame(hub, c)).containsExactlyElementsOf(expected(round));
        }
      }
    }
  }

  /** What both nodes hold after {@code round} rounds. */
  private static List<String> expected(int round) {
    List<String> rows = new ArrayList<>();
    rows.add("1|" + (round * 100 + 19) + "|" + 30 * round + "|start");
    rows.add(round * 10 + "|" + round + "|0|hub");
    for (int r = 1; r <= round; r++) {
      rows.add((1000 + r) + "|0|0|client");
    }
    return rows;
  }

  private static List<String> awaitSame(Connection hub, Connection client) throws SQLException {
    try {
      await()
          .ignoreExceptions()
          .atMost(Duration.ofSeconds(120))
          .until(() -> Db.rows(hub, ALL).equals(Db.rows(client, ALL)));
    } catch (ConditionTimeoutException e) {
      assertThat(Db.rows(client, ALL)).as("the client's rows").isEqualTo(Db.rows(hub, ALL));
    }
    return Db.rows(hub, ALL);
  }

  private static void awaitNoLiveSession(Connection hub) {
    await()
        .ignoreExceptions()
        .atMost(Duration.ofSeconds(90))
        .until(() -> Db.rows(hub, "SELECT state FROM sys_peers WHERE state = 'LIVE'").isEmpty());
  }
}
