package io.pluresdb.tck.sync;

import static io.pluresdb.tck.sync.Cluster.exec;
import static io.pluresdb.tck.sync.Cluster.port;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.Savepoint;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Writes rolled back to a savepoint are not in the log, so a peer never receives them: it converges
 * on exactly what committed.
 */
class SavepointReplicationTest extends ClusterTest {
  @Test
  void aPeerReceivesOnlyTheWritesThatSurvivedASavepointRollback() throws Exception {
    Connection hub = cluster.hub("hub");
    Connection a = cluster.client("a", port(hub));
    exec(a, "CREATE TABLE item (id BIGINT PRIMARY KEY, name VARCHAR(20))");
    a.setAutoCommit(false);
    exec(a, "INSERT INTO item VALUES (1, 'kept')");
    Savepoint sp = a.setSavepoint();
    exec(
        a, "INSERT INTO item VALUES (2, 'undone')", "UPDATE item SET name = 'undone' WHERE id = 1");
    a.rollback(sp);
    exec(a, "SAVEPOINT nested", "DELETE FROM item WHERE id = 1", "ROLLBACK TO nested");
    exec(a, "INSERT INTO item VALUES (3, 'kept')");
    a.commit();
    a.setAutoCommit(true);

    List<List<String>> seen = Cluster.awaitSame("SELECT id, name FROM item ORDER BY id", a, hub);
    assertThat(seen).containsExactly(List.of("1", "kept"), List.of("3", "kept"));
  }
}
