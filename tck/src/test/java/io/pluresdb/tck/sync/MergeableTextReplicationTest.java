package io.pluresdb.tck.sync;

import static io.pluresdb.tck.sync.Cluster.awaitSame;
import static io.pluresdb.tck.sync.Cluster.exec;
import static io.pluresdb.tck.sync.Cluster.port;
import static io.pluresdb.tck.sync.Cluster.rows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code TEXT MERGEABLE} between nodes: two people edit one note's text offline, and after they
 * meet both edits are in the text on every node, also in a live query's result.
 */
class MergeableTextReplicationTest extends ClusterTest {
  private static final String BODY = "SELECT body FROM note WHERE id = 1";

  private static void awaitText(String expected, Connection... nodes) {
    await()
        .atMost(Cluster.CONVERGE)
        .until(
            () -> {
              for (Connection n : nodes) {
                if (!rows(n, BODY).equals(List.of(List.of(expected)))) {
                  return false;
                }
              }
              return true;
            });
  }

  @Test
  void editsMadeOfflineOnTwoNodesBothSurviveWhenTheyMeet() throws Exception {
    Connection hub = cluster.hub("hub");
    int port = port(hub);
    Connection a = cluster.client("a", port);
    Connection b = cluster.client("b", port);
    exec(
        a,
        "CREATE TABLE note (id BIGINT PRIMARY KEY, title VARCHAR(200), body TEXT MERGEABLE)",
        "INSERT INTO note VALUES (1, 'greeting', 'hello world')");
    awaitSame(BODY, hub, a, b);
    assertThat(rows(b, BODY)).containsExactly(List.of("hello world"));

    cluster.stop(hub);
    exec(a, "UPDATE note SET body = 'hello brave world' WHERE id = 1");
    exec(b, "UPDATE note SET body = 'hello world!!!' WHERE id = 1");
    assertThat(rows(a, BODY)).containsExactly(List.of("hello brave world"));
    assertThat(rows(b, BODY)).containsExactly(List.of("hello world!!!"));

    try (Statement s = b.createStatement()) {
      s.setQueryTimeout((int) Cluster.CONVERGE.toSeconds());
      try (ResultSet live = s.executeQuery("SUBSCRIBE SELECT id, body FROM note")) {
        List<String> seen = new ArrayList<>();
        assertThat(live.next()).isTrue();
        seen.add(live.getString("body") + " " + live.getString("_change"));

        Connection back = cluster.hub("hub", port);
        awaitText("hello brave world!!!", back, a, b);
        assertThat(live.next()).isTrue();
        seen.add(live.getString("body") + " " + live.getString("_change"));
        assertThat(seen).containsExactly("hello world!!! INITIAL", "hello brave world!!! UPDATE");
        s.cancel();
      }
    }

    // an edit in place merges too, and a plain column beside it is still last-writer-wins
    exec(a, "UPDATE note SET body = text_splice(body, 0, 5, 'Hello') WHERE id = 1");
    exec(b, "UPDATE note SET body = text_splice(body, 17, 3, '.'), title = 'hi' WHERE id = 1");
    awaitText("Hello brave world.", a, b);
    assertThat(awaitSame("SELECT title, body FROM note", a, b))
        .containsExactly(List.of("hi", "Hello brave world."));
  }
}
