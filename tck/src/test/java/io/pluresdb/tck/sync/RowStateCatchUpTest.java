package io.pluresdb.tck.sync;

import static io.pluresdb.tck.sync.Cluster.awaitSame;
import static io.pluresdb.tck.sync.Cluster.exec;
import static io.pluresdb.tck.sync.Cluster.port;
import static io.pluresdb.tck.sync.Cluster.rows;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Catching up by row states over real sessions: a new node joining a hub that holds many rows takes
 * a snapshot of row states and then the log tail, and converges (values, COUNTER totals, deletes,
 * mergeable text); a node whose hub folded away history it never received catches up the same way,
 * and what it wrote offline still merges both ways.
 */
class RowStateCatchUpTest extends ClusterTest {
  private static final String SCHEMA =
      "CREATE TABLE album (id BIGINT PRIMARY KEY, title VARCHAR(80), plays COUNTER)";
  private static final String NOTE =
      "CREATE TABLE note (id BIGINT PRIMARY KEY, body TEXT MERGEABLE)";
  private static final String SUMMARY = "SELECT count(*), sum(plays), min(id), max(id) FROM album";

  /** Inserts albums {@code from} to {@code to} - 1 in one transaction. */
  private static void albums(Connection c, int from, int to) throws SQLException {
    c.setAutoCommit(false);
    try (PreparedStatement ps = c.prepareStatement("INSERT INTO album VALUES (?, ?, 0)")) {
      for (int i = from; i < to; i++) {
        ps.setLong(1, i);
        ps.setString(2, "album number " + i + " of a catalogue large enough to snapshot");
        ps.addBatch();
        if (i % 1_000 == 999) {
          ps.executeBatch();
        }
      }
      ps.executeBatch();
      c.commit();
    } finally {
      c.setAutoCommit(true);
    }
  }

  @Test
  void aNewNodeJoiningAHubWithManyRowsCatchesUpByRowStatesAndConverges() throws Exception {
    Connection hub = cluster.hub("hub");
    int port = port(hub);
    Connection a = cluster.client("a", port);
    exec(a, SCHEMA, NOTE, "INSERT INTO note VALUES (1, 'hello world')");
    awaitSame("SELECT body FROM note", hub, a);
    albums(hub, 0, 20_000);
    // counters from two nodes, deletes, and a text both edit
    exec(hub, "UPDATE album SET plays = plays + 2 WHERE id < 100");
    awaitSame(SUMMARY, hub, a);
    exec(
        a,
        "UPDATE album SET plays = plays + 1 WHERE id < 50",
        "DELETE FROM album WHERE id >= 19990");
    exec(a, "UPDATE note SET body = 'hello brave world' WHERE id = 1");
    exec(hub, "UPDATE note SET body = text_splice(body, 0, 5, 'HELLO') WHERE id = 1");
    List<List<String>> expected = awaitSame(SUMMARY, hub, a);
    assertThat(expected.get(0)).containsExactly("19990", "250", "0", "19989");
    List<List<String>> text = awaitSame("SELECT body FROM note", hub, a);
    assertThat(text.get(0).get(0)).contains("brave", "HELLO");

    Connection b = cluster.client("b", port);
    assertThat(awaitSame(SUMMARY, hub, a, b)).isEqualTo(expected);
    assertThat(awaitSame("SELECT body FROM note", hub, a, b)).isEqualTo(text);
    assertThat(rows(b, "SELECT title FROM album WHERE id = 12345"))
        .containsExactly(List.of("album number 12345 of a catalogue large enough to snapshot"));
    // the rows came as states, not as the writes that made them: b holds no history of them
    assertThat(rows(hub, "SELECT count(*) FROM sys_history WHERE tbl = 'album' AND entity = '7'"))
        .isNotEqualTo(List.of(List.of("0")));
    assertThat(rows(b, "SELECT count(*) FROM sys_history WHERE tbl = 'album' AND entity = '7'"))
        .containsExactly(List.of("0"));

    // and it goes on as any node: its writes merge both ways, counters add up
    exec(b, "UPDATE album SET plays = plays + 5 WHERE id = 1", "DELETE FROM album WHERE id = 2");
    exec(a, "UPDATE album SET plays = plays + 5 WHERE id = 1");
    assertThat(awaitSame("SELECT plays FROM album WHERE id IN (1, 2)", hub, a, b))
        .containsExactly(List.of("13"));
  }

  @Test
  void aNodeBehindTheHubsHorizonCatchesUpAndItsOfflineWritesMergeBothWays() throws Exception {
    Connection hub = cluster.hub("hub");
    int port = port(hub);
    Connection a = cluster.client("a", port);
    exec(hub, SCHEMA, "INSERT INTO album VALUES (1, 'one', 0), (2, 'two', 0), (3, 'three', 0)");
    awaitSame(SUMMARY, hub, a);
    cluster.stop(a);

    // while a is away: the hub writes, then folds its whole log away as compaction would
    exec(hub, "UPDATE album SET title = 'ONE', plays = plays + 1 WHERE id = 1");
    exec(hub, "DELETE FROM album WHERE id = 3");
    albums(hub, 100, 400);
    cluster.stop(hub);
    fold(cluster.file("hub"));
    hub = cluster.hub("hub", port);
    exec(hub, "UPDATE album SET plays = plays + 1 WHERE id = 2"); // the tail after the horizon

    // a writes offline, then comes back
    Connection offline = cluster.node("a", "");
    exec(
        offline,
        "INSERT INTO album VALUES (50, 'from a', 0)",
        "UPDATE album SET plays = plays + 10 WHERE id IN (1, 2)",
        "UPDATE album SET title = 'three again' WHERE id = 3");
    cluster.stop(offline);
    a = cluster.client("a", port);

    List<List<String>> all =
        awaitSame("SELECT id, title, plays FROM album WHERE id < 100 ORDER BY id", hub, a);
    assertThat(all)
        .containsExactly(
            List.of("1", "ONE", "11"), List.of("2", "two", "11"), List.of("50", "from a", "0"));
    assertThat(awaitSame(SUMMARY, hub, a).get(0)).containsExactly("303", "22", "1", "399");
    exec(a, "UPDATE album SET plays = plays + 1 WHERE id = 399");
    exec(hub, "UPDATE album SET plays = plays + 1 WHERE id = 399");
    assertThat(awaitSame("SELECT plays FROM album WHERE id = 399", hub, a))
        .containsExactly(List.of("2"));
  }

  /**
   * Folds every transaction of a stopped node's log away as compaction does: each writer's last
   * folded transaction becomes its entry in the history horizon, the records and their index
   * entries go, and the time before which history is no longer kept moves to now.
   */
  private static void fold(java.nio.file.Path file) throws SQLException {
    try (Connection raw = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement st = raw.createStatement()) {
      raw.setAutoCommit(false);
      st.executeUpdate(
          "INSERT OR REPLACE INTO _pl_folded(node, tx) SELECT node, max(tx) FROM _pl_log"
              + " GROUP BY node");
      st.executeUpdate("DELETE FROM _pl_log_entity");
      assertThat(st.executeUpdate("DELETE FROM _pl_log")).isEqualTo(5);
      st.executeUpdate(
          "INSERT OR REPLACE INTO _pl_meta(k, v) VALUES ('history_horizon_time', '"
              + System.currentTimeMillis()
              + "')");
      raw.commit();
    }
  }
}
