package io.pluresdb.tck.sync;

import static io.pluresdb.tck.sync.Cluster.awaitSame;
import static io.pluresdb.tck.sync.Cluster.exec;
import static io.pluresdb.tck.sync.Cluster.port;
import static io.pluresdb.tck.sync.Cluster.rows;
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
 * Two nodes that create one table differently while apart end with one table: the union of the
 * columns, every row, and replication that keeps flowing afterwards (issue 11: it used to stall
 * silently, with the second node's later writes parked forever).
 */
class SchemaClashTest extends ClusterTest {
  private static final String CLASH = "SELECT id, v, w FROM clash ORDER BY id";

  @Test
  void tablesCreatedDifferentlyWhileApartMergeAndReplicationContinues() throws Exception {
    Connection hub = cluster.hub("hub");
    int port = port(hub);
    Connection a = cluster.client("a", port);
    Connection b = cluster.client("b", port);
    exec(a, "CREATE TABLE other (id INTEGER PRIMARY KEY, note VARCHAR(20))");
    awaitSame("SELECT COUNT(*) FROM other", hub, a, b);

    cluster.stop(hub);
    exec(a, "CREATE TABLE clash (id INTEGER PRIMARY KEY, v INTEGER)");
    exec(a, "INSERT INTO clash VALUES (1, 10)");
    exec(b, "CREATE TABLE clash (id INTEGER PRIMARY KEY, w VARCHAR(20))");
    exec(b, "INSERT INTO clash VALUES (2, 'from b')");

    Connection back = cluster.hub("hub", port);
    List<List<String>> merged = List.of(List.of("1", "10", "NULL"), List.of("2", "NULL", "from b"));
    // before the merge every node lacks a column, which reads as no rows: wait for the rows
    for (Connection c : List.of(back, a, b)) {
      await()
          .atMost(Cluster.CONVERGE)
          .pollInterval(Duration.ofMillis(20))
          .until(() -> rowsOrNone(c, CLASH).equals(merged));
    }

    // the second node's later writes, to another table, reach the first
    exec(b, "INSERT INTO other VALUES (7, 'after the clash')");
    assertThat(awaitSame("SELECT id, note FROM other", back, a, b))
        .containsExactly(List.of("7", "after the clash"));

    // a re-insert of a held key is refused alike on both sides
    for (Connection c : List.of(a, b)) {
      assertThatThrownBy(() -> exec(c, "INSERT INTO clash (id, v) VALUES (2, 5)"))
          .isInstanceOf(SQLException.class)
          .extracting(e -> ((SQLException) e).getSQLState())
          .isEqualTo("23505");
    }
    exec(a, "INSERT INTO clash (id, v, w) VALUES (3, 30, 'from a')");
    assertThat(awaitSame(CLASH, back, a, b)).hasSize(3);
    assertThat(rows(b, "SELECT w FROM clash WHERE id = 3")).containsExactly(List.of("from a"));
  }
}
