package io.pluresdb.tck.sync;

import static io.pluresdb.tck.sync.Cluster.exec;
import static io.pluresdb.tck.sync.Cluster.port;
import static io.pluresdb.tck.sync.Cluster.rows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * TEMP tables and views belong to the connection that made them, as in SQLite: another connection
 * of the same node does not see them, no other node ever receives them or their rows, and they are
 * gone once their connection closes. Replicated writes made around them travel as usual.
 */
class TempTableReplicationTest extends ClusterTest {
  @Test
  void aTempTableNeverLeavesItsConnection() throws Exception {
    Connection hub = cluster.hub("hub");
    Connection a = cluster.client("a", port(hub));
    Connection b = cluster.client("b", port(hub));
    Connection other = cluster.node("a", ""); // a second connection of node a
    exec(
        a,
        "CREATE TABLE item (id INTEGER PRIMARY KEY, name TEXT NOT NULL)",
        "CREATE TABLE marker (id INTEGER PRIMARY KEY)",
        "INSERT INTO item VALUES (1, 'one'), (2, 'two')");
    Cluster.awaitSame("SELECT id, name FROM item ORDER BY id", a, b, hub);

    exec(
        a,
        "CREATE TEMP TABLE scratch (id INTEGER, note TEXT)",
        "INSERT INTO scratch VALUES (1, 'local note'), (2, 'second')",
        "UPDATE scratch SET note = 'changed' WHERE id = 2",
        "CREATE TEMP TABLE item (id INTEGER, name TEXT)", // shadows the replicated item here
        "INSERT INTO item VALUES (99, 'temp row')",
        "CREATE TEMP VIEW noted AS SELECT m.name, s.note FROM main.item m JOIN scratch s USING (id)",
        // a replicated write after the TEMP ones: once it arrives, they would have too
        "INSERT INTO marker VALUES (1)");
    assertThat(rows(a, "SELECT name, note FROM noted ORDER BY name"))
        .containsExactly(List.of("one", "local note"), List.of("two", "changed"));
    assertThat(rows(a, "SELECT id, name FROM item")).containsExactly(List.of("99", "temp row"));

    Cluster.awaitSame("SELECT id FROM marker", a, b, hub);
    for (Connection elsewhere : List.of(b, hub, other)) {
      assertThat(rows(elsewhere, "SELECT id, name FROM item ORDER BY id"))
          .containsExactly(List.of("1", "one"), List.of("2", "two"));
      assertThat(
              rows(
                  elsewhere,
                  "SELECT name FROM sqlite_schema WHERE type IN ('table', 'view') ORDER BY name"))
          .containsExactly(List.of("item"), List.of("marker"));
      assertMissing(elsewhere, "SELECT * FROM scratch");
      assertMissing(elsewhere, "SELECT * FROM noted");
    }

    // closing the connection drops its TEMP objects; the node and its data stay
    cluster.stop(a);
    assertMissing(other, "SELECT * FROM scratch");
    Connection again = cluster.node("a", "");
    assertMissing(again, "SELECT * FROM scratch");
    assertThat(rows(again, "SELECT id, name FROM item ORDER BY id"))
        .containsExactly(List.of("1", "one"), List.of("2", "two"));
  }

  private static void assertMissing(Connection c, String sql) {
    SQLException e = catchThrowableOfType(SQLException.class, () -> rows(c, sql));
    assertThat((Throwable) e).as(sql).isNotNull();
    assertThat(e.getSQLState()).isEqualTo("42P01");
  }
}
