package io.pluresdb.tck.sync;

import static io.pluresdb.tck.sync.Cluster.awaitSame;
import static io.pluresdb.tck.sync.Cluster.exec;
import static io.pluresdb.tck.sync.Cluster.port;
import static io.pluresdb.tck.sync.Cluster.rows;
import static org.assertj.core.api.Assertions.assertThat;

import io.pluresdb.jdbc.PluresConnection;
import java.sql.Connection;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** {@code sys_history} on every node names the node that wrote each change, wherever it ran. */
class HistoryReplicationTest extends ClusterTest {
  private static final String HISTORY =
      "SELECT op, field, \"value\", node FROM sys_history WHERE tbl = 'note' AND entity = '42'";

  @Test
  void eachNodeShowsWhichNodeAuthoredWhichChange() throws Exception {
    Connection hub = cluster.hub("hub");
    Connection a = cluster.client("a", port(hub));
    Connection b = cluster.client("b", port(hub));
    String nodeA = a.unwrap(PluresConnection.class).nodeId();
    String nodeB = b.unwrap(PluresConnection.class).nodeId();

    exec(a, "CREATE TABLE note (id BIGINT PRIMARY KEY, body VARCHAR(100))");
    exec(a, "INSERT INTO note VALUES (42, 'from a')");
    awaitSame("SELECT id, body FROM note", hub, a, b);
    exec(b, "UPDATE note SET body = 'from b' WHERE id = 42");
    awaitSame("SELECT id, body FROM note", hub, a, b);
    exec(a, "DELETE FROM note WHERE id = 42");
    awaitSame("SELECT COUNT(*) FROM note", hub, a, b);

    List<List<String>> expected =
        List.of(
            List.of("INSERT", "id", "42", nodeA),
            List.of("INSERT", "body", "from a", nodeA),
            List.of("UPDATE", "body", "from b", nodeB),
            List.of("DELETE", "NULL", "NULL", nodeA));
    // the log's order is each node's arrival order; the changes are causally ordered here
    assertThat(awaitSame(HISTORY, hub, a, b)).containsExactlyElementsOf(expected);
    assertThat(rows(hub, HISTORY)).containsExactlyElementsOf(expected);
  }

  @Test
  void sysConflictsShowsBothSidesOfARaceOnEveryNode() throws Exception {
    Connection hub = cluster.hub("hub");
    int port = port(hub);
    Connection a = cluster.client("a", port);
    Connection b = cluster.client("b", port);
    String nodeA = a.unwrap(PluresConnection.class).nodeId();
    String nodeB = b.unwrap(PluresConnection.class).nodeId();
    exec(a, "CREATE TABLE note (id BIGINT PRIMARY KEY, body VARCHAR(100), likes INTEGER)");
    exec(a, "INSERT INTO note VALUES (42, 'start', 0)");
    awaitSame("SELECT id, body FROM note", hub, a, b);
    exec(b, "UPDATE note SET likes = 1 WHERE id = 42");
    awaitSame("SELECT likes FROM note", hub, a, b);
    assertThat(rows(a, "SELECT * FROM sys_conflicts")).as("sequential writes race not").isEmpty();

    cluster.stop(hub);
    exec(a, "UPDATE note SET body = 'from a' WHERE id = 42");
    exec(b, "UPDATE note SET body = 'from b' WHERE id = 42");
    Connection back = cluster.hub("hub", port);
    List<List<String>> body = awaitSame("SELECT body FROM note WHERE id = 42", back, a, b);
    boolean aWon = body.equals(List.of(List.of("from a")));
    List<String> race =
        aWon
            ? List.of("body", "from b", nodeB, "from a", nodeA)
            : List.of("body", "from a", nodeA, "from b", nodeB);
    String sql =
        "SELECT field, lost_value, lost_node, won_value, won_node FROM sys_conflicts"
            + " WHERE tbl = 'note' AND entity = '42'";
    assertThat(awaitSame(sql, back, a, b)).containsExactly(race);
    assertThat(
            rows(
                back,
                "SELECT COUNT(*) FROM sys_conflicts WHERE lost_at IS NOT NULL AND won_at IS NOT NULL"))
        .containsExactly(List.of("1"));
  }

  @Test
  void sysConflictsShowsAnUpdateThatAConcurrentDeleteDiscarded() throws Exception {
    Connection hub = cluster.hub("hub");
    int port = port(hub);
    Connection a = cluster.client("a", port);
    Connection b = cluster.client("b", port);
    String nodeA = a.unwrap(PluresConnection.class).nodeId();
    String nodeB = b.unwrap(PluresConnection.class).nodeId();
    exec(a, "CREATE TABLE note (id BIGINT PRIMARY KEY, body VARCHAR(100))");
    exec(a, "INSERT INTO note VALUES (42, 'start')");
    awaitSame("SELECT id, body FROM note", hub, a, b);

    cluster.stop(hub);
    exec(b, "DELETE FROM note WHERE id = 42");
    exec(a, "UPDATE note SET body = 'edited offline' WHERE id = 42");
    Connection back = cluster.hub("hub", port);
    assertThat(awaitSame("SELECT COUNT(*) FROM note", back, a, b))
        .as("the delete wins")
        .containsExactly(List.of("0"));
    String sql =
        "SELECT field, lost_value, lost_node, won_value, won_node, won_by FROM sys_conflicts"
            + " WHERE tbl = 'note' AND entity = '42'";
    assertThat(awaitSame(sql, back, a, b))
        .containsExactly(List.of("body", "edited offline", nodeA, "NULL", nodeB, "DELETE"));
  }

  @Test
  void timeTravelOnEveryNodeSeesReplicatedWritesAtTheTimeTheyWereMade() throws Exception {
    Connection hub = cluster.hub("hub");
    Connection a = cluster.client("a", port(hub));
    Connection b = cluster.client("b", port(hub));
    exec(a, "CREATE TABLE note (id BIGINT PRIMARY KEY, body VARCHAR(100))");
    exec(a, "INSERT INTO note VALUES (42, 'from a')");
    awaitSame("SELECT id, body FROM note", hub, a, b);
    String written = now();
    exec(b, "UPDATE note SET body = 'from b' WHERE id = 42");
    awaitSame("SELECT id, body FROM note", hub, a, b);
    String updated = now();
    exec(a, "DELETE FROM note WHERE id = 42");
    awaitSame("SELECT COUNT(*) FROM note", hub, a, b);

    String past = "SELECT id, body FROM note FOR SYSTEM_TIME AS OF TIMESTAMP '%s' WHERE id = 42";
    for (Connection c : List.of(hub, a, b)) {
      assertThat(rows(c, String.format(Locale.ROOT, past, written)))
          .containsExactly(List.of("42", "from a"));
      assertThat(rows(c, String.format(Locale.ROOT, past, updated)))
          .containsExactly(List.of("42", "from b"));
      assertThat(rows(c, String.format(Locale.ROOT, past, now()))).isEmpty();
    }
  }

  /** The current time (UTC), once the clock has moved past it: writes after it are later. */
  private static String now() {
    long at = System.currentTimeMillis();
    while (System.currentTimeMillis() <= at + 1) {
      Thread.onSpinWait();
    }
    return DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS", Locale.ROOT)
        .withZone(ZoneOffset.UTC)
        .format(Instant.ofEpochMilli(at));
  }
}
