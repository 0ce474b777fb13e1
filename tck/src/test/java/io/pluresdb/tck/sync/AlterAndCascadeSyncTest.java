package io.pluresdb.tck.sync;

import static io.pluresdb.tck.sync.Cluster.awaitSame;
import static io.pluresdb.tck.sync.Cluster.exec;
import static io.pluresdb.tck.sync.Cluster.port;
import static io.pluresdb.tck.sync.Cluster.rowsOrNone;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A column renamed on one node while another writes under the old name, and a parent deleted with
 * ON DELETE CASCADE on one node while another adds a child to it: once the nodes meet, every node
 * holds the writes under the new name, and the same rows: the children the deleting node held are
 * gone (its cascade's deletes replicate as operations), the concurrent child stays.
 */
class AlterAndCascadeSyncTest extends ClusterTest {
  @Test
  void renameAndCascadeMadeApartConvergeOnEveryNode() throws Exception {
    Connection hub = cluster.hub("hub");
    int port = port(hub);
    Connection a = cluster.client("a", port);
    Connection b = cluster.client("b", port);
    exec(
        a,
        "CREATE TABLE t (id INTEGER PRIMARY KEY, j VARCHAR(20), gone INTEGER)",
        "CREATE TABLE p (id INTEGER PRIMARY KEY)",
        "CREATE TABLE ch (id INTEGER PRIMARY KEY, p INTEGER REFERENCES p(id) ON DELETE CASCADE)",
        "INSERT INTO t VALUES (1, 'one', 1)",
        "INSERT INTO p VALUES (1), (2)",
        "INSERT INTO ch VALUES (10, 1), (12, 2)");
    awaitSame("SELECT id FROM ch ORDER BY id", hub, a, b);

    cluster.stop(hub);
    exec(
        a,
        "ALTER TABLE t RENAME COLUMN j TO doc",
        "ALTER TABLE t DROP COLUMN gone",
        "INSERT INTO t VALUES (2, 'two')",
        "DELETE FROM p WHERE id = 1");
    exec(
        b,
        "INSERT INTO t (id, j, gone) VALUES (3, 'three', 3)",
        "UPDATE t SET j = 'uno' WHERE id = 1",
        "INSERT INTO ch VALUES (11, 1)");

    Connection back = cluster.hub("hub", port);
    List<List<String>> t = List.of(List.of("1", "uno"), List.of("2", "two"), List.of("3", "three"));
    for (Connection c : List.of(back, a, b)) {
      await()
          .atMost(Cluster.CONVERGE)
          .pollInterval(Duration.ofMillis(20))
          .until(() -> rowsOrNone(c, "SELECT * FROM t ORDER BY id").equals(t));
    }
    assertThat(awaitSame("SELECT id, p FROM ch ORDER BY id", back, a, b))
        .containsExactly(List.of("11", "1"), List.of("12", "2"));
    assertThat(awaitSame("SELECT id FROM p", back, a, b)).containsExactly(List.of("2"));
    for (Connection c : List.of(a, b)) {
      assertThatThrownBy(() -> exec(c, "SELECT j FROM t"))
          .isInstanceOf(SQLException.class)
          .extracting(e -> ((SQLException) e).getSQLState())
          .isEqualTo("42703");
    }
  }
}
