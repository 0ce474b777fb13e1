package io.pluresdb.tck.sync;

import static io.pluresdb.tck.sync.Cluster.awaitSame;
import static io.pluresdb.tck.sync.Cluster.exec;
import static io.pluresdb.tck.sync.Cluster.port;
import static io.pluresdb.tck.sync.Cluster.rows;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Nodes that join a database get their own node numbers, so keys they generate while apart never
 * collide and still fit a 32-bit column.
 */
class NodeNumberTest extends ClusterTest {
  private static final String ALL = "SELECT id, name FROM item ORDER BY id";

  /** Inserts rows without a key, one transaction each, and returns the generated keys. */
  private static List<Long> insert(Connection c, String prefix, int n) throws Exception {
    List<Long> keys = new ArrayList<>();
    try (PreparedStatement p =
        c.prepareStatement("INSERT INTO item (name) VALUES (?)", Statement.RETURN_GENERATED_KEYS)) {
      for (int i = 0; i < n; i++) {
        p.setString(1, prefix + i);
        p.executeUpdate();
        try (ResultSet rs = p.getGeneratedKeys()) {
          assertThat(rs.next()).isTrue();
          assertThat(rs.getObject(1)).isInstanceOf(Integer.class);
          keys.add(rs.getLong(1));
        }
      }
    }
    return keys;
  }

  @Test
  void nodesInsertingApartIntoAnIntegerKeyNeverCollideAndEveryKeyFitsInt() throws Exception {
    Connection hub = cluster.hub("hub");
    int port = port(hub);
    Connection a = cluster.client("a", port);
    Connection b = cluster.client("b", port);
    exec(hub, "CREATE TABLE item (id INTEGER PRIMARY KEY, name VARCHAR(20))");
    awaitSame("SELECT COUNT(*) FROM item", hub, a, b);

    // the hub, which created the database, numbers 1, 2, 3 as a single node does
    assertThat(insert(hub, "h", 3)).containsExactly(1L, 2L, 3L);
    cluster.stop(hub);
    List<Long> fromA = insert(a, "a", 20);
    List<Long> fromB = insert(b, "b", 20);

    Connection back = cluster.hub("hub", port);
    List<Long> fromHub = insert(back, "h", 2);
    List<List<String>> all = awaitSame(ALL, back, a, b);

    assertThat(all).hasSize(45);
    Set<Long> distinct = new HashSet<>();
    for (List<String> row : all) {
      long id = Long.parseLong(row.get(0));
      assertThat(id).isBetween(1L, (long) Integer.MAX_VALUE);
      distinct.add(id);
    }
    assertThat(distinct).hasSize(45);
    assertThat(fromHub).containsExactly(4L, 5L);
    // each joined node numbers its own block upwards, one after the other
    assertThat(fromA.get(19) - fromA.get(0)).isEqualTo(19);
    assertThat(fromB.get(19) - fromB.get(0)).isEqualTo(19);
    assertThat(rows(a, "SELECT name FROM item WHERE id = " + fromB.get(0)))
        .containsExactly(List.of("b0"));
  }
}
