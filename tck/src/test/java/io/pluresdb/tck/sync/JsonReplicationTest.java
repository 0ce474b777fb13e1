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
 * {@code JSON MERGEABLE} columns between nodes: two people change one note's document offline, one
 * appending a tag and the other setting its owner, and after they meet both changes are in the
 * document on every node, also in a live query's result and in {@code ->>} queries.
 */
class JsonReplicationTest extends ClusterTest {
  private static final String META = "SELECT meta FROM note WHERE id = 1";

  private static void awaitMeta(String expected, Connection... nodes) {
    await()
        .atMost(Cluster.CONVERGE)
        .until(
            () -> {
              for (Connection n : nodes) {
                if (!rows(n, META).equals(List.of(List.of(expected)))) {
                  return false;
                }
              }
              return true;
            });
  }

  @Test
  void changesMadeOfflineToDifferentPathsBothSurviveWhenTheNodesMeet() throws Exception {
    Connection hub = cluster.hub("hub");
    int port = port(hub);
    Connection a = cluster.client("a", port);
    Connection b = cluster.client("b", port);
    exec(
        a,
        "CREATE TABLE note (id BIGINT PRIMARY KEY, title VARCHAR(200), meta JSON MERGEABLE)",
        "INSERT INTO note VALUES (1, 'plan', '{\"tags\":[\"work\"]}')");
    awaitSame(META, hub, a, b);
    assertThat(rows(b, META)).containsExactly(List.of("{\"tags\":[\"work\"]}"));

    cluster.stop(hub);
    exec(a, "UPDATE note SET meta = json_set(meta, '$.tags[#]', 'urgent') WHERE id = 1");
    exec(b, "UPDATE note SET meta = json_set(meta, '$.owner', 'bo') WHERE id = 1");
    assertThat(rows(a, META)).containsExactly(List.of("{\"tags\":[\"work\",\"urgent\"]}"));
    assertThat(rows(b, META)).containsExactly(List.of("{\"tags\":[\"work\"],\"owner\":\"bo\"}"));

    String both = "{\"tags\":[\"work\",\"urgent\"],\"owner\":\"bo\"}";
    try (Statement s = b.createStatement()) {
      s.setQueryTimeout((int) Cluster.CONVERGE.toSeconds());
      try (ResultSet live = s.executeQuery("SUBSCRIBE SELECT id, meta FROM note")) {
        List<String> seen = new ArrayList<>();
        assertThat(live.next()).isTrue();
        seen.add(live.getString("meta") + " " + live.getString("_change"));

        Connection back = cluster.hub("hub", port);
        awaitMeta(both, back, a, b);
        assertThat(live.next()).isTrue();
        seen.add(live.getString("meta") + " " + live.getString("_change"));
        assertThat(seen)
            .containsExactly("{\"tags\":[\"work\"],\"owner\":\"bo\"} INITIAL", both + " UPDATE");
        s.cancel();
      }
    }
    for (Connection n : List.of(a, b)) {
      assertThat(rows(n, "SELECT meta->>'owner', meta->>'$.tags[1]' FROM note"))
          .containsExactly(List.of("bo", "urgent"));
      assertThat(rows(n, "SELECT id FROM note WHERE meta->>'owner' = 'bo'"))
          .containsExactly(List.of("1"));
    }

    // appends made at once on both nodes both stay; the same key on both is one writer's value
    exec(
        a, "UPDATE note SET meta = json_set(meta, '$.tags[#]', 'a1', '$.due', 'mon') WHERE id = 1");
    exec(
        b, "UPDATE note SET meta = json_set(meta, '$.tags[#]', 'b1', '$.due', 'tue') WHERE id = 1");
    List<List<String>> merged =
        awaitSame("SELECT json_array_length(meta, '$.tags'), meta->>'due' FROM note", a, b);
    assertThat(merged).hasSize(1);
    assertThat(merged.get(0).get(0)).isEqualTo("4");
    assertThat(merged.get(0).get(1)).isIn("mon", "tue");
    assertThat(awaitSame(META, a, b).get(0).get(0))
        .contains("\"a1\"", "\"b1\"", "\"owner\":\"bo\"");
  }
}
