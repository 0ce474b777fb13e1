package io.pluresdb.tck.sync;

import static io.pluresdb.tck.sync.Cluster.awaitSame;
import static io.pluresdb.tck.sync.Cluster.exec;
import static io.pluresdb.tck.sync.Cluster.port;
import static io.pluresdb.tck.sync.Cluster.rows;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Nodes that work apart — hub down, client offline — and converge when they meet again. */
class PartitionTest extends ClusterTest {
  private static final String ALL = "SELECT id, name, qty FROM item ORDER BY id";

  private static void insert(Connection c, int from, int to, String name) throws Exception {
    c.setAutoCommit(false);
    try (PreparedStatement p = c.prepareStatement("INSERT INTO item VALUES (?, ?, ?)")) {
      for (int i = from; i < to; i++) {
        p.setInt(1, i);
        p.setString(2, name + i);
        p.setInt(3, i % 7);
        p.executeUpdate();
        c.commit();
      }
    }
    c.setAutoCommit(true);
  }

  @Test
  void withTheHubDownClientsKeepWorkingAndConvergeWhenItReturns() throws Exception {
    Connection hub = cluster.hub("hub");
    int port = port(hub);
    Connection a = cluster.client("a", port);
    Connection b = cluster.client("b", port);
    exec(a, "CREATE TABLE item (id INTEGER PRIMARY KEY, name VARCHAR(50), qty INTEGER)");
    insert(a, 0, 10, "a");
    awaitSame(ALL, hub, a, b);

    cluster.stop(hub);
    insert(a, 100, 150, "a");
    insert(b, 200, 250, "b");
    exec(a, "UPDATE item SET qty = 100 WHERE id = 1");
    exec(b, "UPDATE item SET name = 'from b' WHERE id = 1");
    exec(b, "DELETE FROM item WHERE id = 2");
    assertThat(rows(a, "SELECT COUNT(*) FROM item")).containsExactly(List.of("60"));
    assertThat(rows(b, "SELECT COUNT(*) FROM item")).containsExactly(List.of("59"));

    Connection back = cluster.hub("hub", port);
    List<List<String>> all = awaitSame(ALL, back, a, b);
    assertThat(all).hasSize(109);
    assertThat(rows(a, "SELECT name, qty FROM item WHERE id = 1"))
        .containsExactly(List.of("from b", "100"));
  }

  @Test
  void aClientOfflineForAThousandWritesCatchesUp() throws Exception {
    Connection hub = cluster.hub("hub");
    int port = port(hub);
    Connection a = cluster.client("a", port);
    Connection b = cluster.client("b", port);
    exec(a, "CREATE TABLE item (id INTEGER PRIMARY KEY, name VARCHAR(50), qty INTEGER)");
    awaitSame("SELECT COUNT(*) FROM item", hub, a, b);

    cluster.stop(a);
    insert(b, 0, 1000, "b");
    Connection offline = cluster.node("a", ""); // a works alone, without replication
    insert(offline, 5000, 5500, "a");
    cluster.stop(offline);

    Connection again = cluster.client("a", port);
    List<List<String>> all = awaitSame(ALL, hub, again, b);
    assertThat(all).hasSize(1500);
  }

  @Test
  void aHubRestartedOnItsFileKeepsServingItsClients() throws Exception {
    Connection hub = cluster.hub("hub");
    int port = port(hub);
    Connection a = cluster.client("a", port);
    exec(a, "CREATE TABLE item (id INTEGER PRIMARY KEY, name VARCHAR(50), qty INTEGER)");
    insert(a, 0, 5, "a");
    awaitSame(ALL, hub, a);

    cluster.stop(hub);
    Connection restarted = cluster.hub("hub", port);
    assertThat(rows(restarted, ALL)).hasSize(5);
    Connection b = cluster.client("b", port);
    awaitSame(ALL, restarted, a, b); // b joins and receives the table first
    insert(a, 5, 10, "a");
    insert(b, 10, 15, "b");
    assertThat(awaitSame(ALL, restarted, a, b)).hasSize(15);
  }
}
