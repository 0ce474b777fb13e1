package io.pluresdb.tck.sync;

import static io.pluresdb.tck.sync.Cluster.awaitSame;
import static io.pluresdb.tck.sync.Cluster.exec;
import static io.pluresdb.tck.sync.Cluster.port;
import static io.pluresdb.tck.sync.Cluster.rows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.pluresdb.crdt.store.Store;
import io.pluresdb.jdbc.PluresConnection;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A backup taken as a new node joins the original's database through the hub: it has its own node
 * id, both write, and every node converges without refusing either.
 */
class BackupReplicationTest extends ClusterTest {
  @Test
  void aCopyOpenedAsANewNodeReplicatesBesideTheOriginal() throws Exception {
    Connection hub = cluster.hub("hub");
    Connection a = cluster.client("a", port(hub));
    exec(a, "CREATE TABLE note (id BIGINT PRIMARY KEY, body VARCHAR(100))");
    exec(a, "INSERT INTO note VALUES (1, 'from a before the backup')");
    awaitSame("SELECT id, body FROM note", a, hub);

    // what `pluresdb backup a.db b.db --as-new-node` does: a copy, then a new identity for it
    Path copy = dir.resolve("b.db");
    exec(a, "VACUUM INTO '" + copy + "'");
    Store.becomeNewNode(copy);
    exec(a, "INSERT INTO note VALUES (2, 'from a after the backup')");

    Connection b = cluster.client("b", port(hub));
    String nodeA = a.unwrap(PluresConnection.class).nodeId();
    String nodeB = b.unwrap(PluresConnection.class).nodeId();
    assertThat(nodeB).isNotEqualTo(nodeA);
    assertThat(b.unwrap(PluresConnection.class).databaseId())
        .isEqualTo(a.unwrap(PluresConnection.class).databaseId());

    exec(b, "INSERT INTO note VALUES (3, 'from b')");
    exec(b, "UPDATE note SET body = 'changed by b' WHERE id = 1");
    exec(a, "INSERT INTO note VALUES (4, 'from a again')");

    List<List<String>> seen = awaitSame("SELECT id, body FROM note ORDER BY id", a, b, hub);
    assertThat(seen)
        .containsExactly(
            List.of("1", "changed by b"),
            List.of("2", "from a after the backup"),
            List.of("3", "from b"),
            List.of("4", "from a again"));
    await()
        .atMost(Cluster.CONVERGE)
        .until(
            () ->
                rows(hub, "SELECT node, state, close_reason FROM sys_peers ORDER BY node")
                    .containsAll(
                        List.of(List.of(nodeA, "LIVE", "NULL"), List.of(nodeB, "LIVE", "NULL"))));
  }
}
