package io.pluresdb.tck.sync;

import static io.pluresdb.tck.sync.Cluster.exec;
import static io.pluresdb.tck.sync.Cluster.port;
import static io.pluresdb.tck.sync.Cluster.rows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The README's story: a hub and two clients, each with its own file. */
class TwoClientsTest extends ClusterTest {
  @Test
  void aRowWrittenOnOneClientAppearsOnTheOther() throws Exception {
    Connection hub = cluster.hub("hub");
    Connection a = cluster.client("a", port(hub));
    Connection b = cluster.client("b", port(hub));

    exec(a, "CREATE TABLE album (id BIGINT PRIMARY KEY, name VARCHAR(100) NOT NULL, year INTEGER)");
    exec(a, "INSERT INTO album VALUES (1, 'Kid A', 2000)");

    List<List<String>> seen = Cluster.awaitSame("SELECT id, name, year FROM album", a, b, hub);
    assertThat(seen).containsExactly(List.of("1", "Kid A", "2000"));
    assertThat(a.unwrap(io.pluresdb.jdbc.PluresConnection.class).databaseId())
        .isEqualTo(b.unwrap(io.pluresdb.jdbc.PluresConnection.class).databaseId());
  }

  @Test
  void sysPeersShowsEachPeerLive() throws Exception {
    Connection hub = cluster.hub("hub");
    Connection a = cluster.client("a", port(hub));
    exec(a, "CREATE TABLE t (k BIGINT PRIMARY KEY)");
    Cluster.awaitSame("SELECT COUNT(*) FROM t", a, hub);

    String nodeA = a.unwrap(io.pluresdb.jdbc.PluresConnection.class).nodeId();
    await()
        .atMost(Cluster.CONVERGE)
        .until(
            () ->
                rows(hub, "SELECT node, role, state FROM sys_peers")
                    .contains(List.of(nodeA, "SERVER", "LIVE")));
    // the client's side of the session turns LIVE on its own schedule: wait for it, not for time
    List<String> mine = List.of("ws://127.0.0.1:" + port(hub), "CLIENT", "LIVE");
    await()
        .atMost(Cluster.CONVERGE)
        .until(() -> rows(a, "SELECT address, role, state FROM sys_peers").contains(mine));
    assertThat(rows(a, "SELECT address, role, state FROM sys_peers")).containsExactly(mine);
  }

  @Test
  void aNodeWithoutReplicationHasAnEmptySysPeers() throws Exception {
    Connection alone = cluster.node("alone", "");
    assertThat(rows(alone, "SELECT * FROM sys_peers")).isEmpty();
    assertThat(alone.getMetaData().getURL()).isNotNull();
  }
}
