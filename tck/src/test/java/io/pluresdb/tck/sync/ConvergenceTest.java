package io.pluresdb.tck.sync;

import static io.pluresdb.tck.sync.Cluster.awaitSame;
import static io.pluresdb.tck.sync.Cluster.exec;
import static io.pluresdb.tck.sync.Cluster.port;
import static io.pluresdb.tck.sync.Cluster.rows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Concurrent writes, schema changes and meshes. */
class ConvergenceTest extends ClusterTest {

  @Test
  void concurrentWritesToTheSameRowsOnThreeNodesConverge() throws Exception {
    Connection hub = cluster.hub("hub");
    Connection a = cluster.client("a", port(hub));
    Connection b = cluster.client("b", port(hub));
    exec(hub, "CREATE TABLE cell (id INTEGER PRIMARY KEY, v VARCHAR(20), n INTEGER)");
    awaitSame("SELECT COUNT(*) FROM cell", hub, a, b);

    List<Connection> nodes = List.of(hub, a, b);
    ExecutorService pool = Executors.newFixedThreadPool(3);
    try {
      List<Future<Void>> done = new ArrayList<>();
      for (int w = 0; w < 3; w++) {
        Connection c = nodes.get(w);
        String who = "w" + w;
        Callable<Void> writer =
            () -> {
              try (PreparedStatement up =
                  c.prepareStatement(
                      "INSERT INTO cell VALUES (?, ?, ?) ON CONFLICT (id) DO UPDATE SET v ="
                          + " excluded.v, n = excluded.n")) {
                for (int i = 0; i < 200; i++) {
                  up.setInt(1, i % 20);
                  up.setString(2, who + "-" + i);
                  up.setInt(3, i);
                  up.executeUpdate();
                }
              }
              return null;
            };
        done.add(pool.submit(writer));
      }
      for (Future<Void> f : done) {
        f.get();
      }
    } finally {
      pool.shutdown();
    }
    List<List<String>> all = awaitSame("SELECT id, v, n FROM cell ORDER BY id", hub, a, b);
    assertThat(all).hasSize(20);
  }

  @Test
  void schemaChangesMadeOnOneNodeReachTheOthers() throws Exception {
    Connection hub = cluster.hub("hub");
    Connection a = cluster.client("a", port(hub));
    Connection b = cluster.client("b", port(hub));
    exec(a, "CREATE TABLE person (id INTEGER PRIMARY KEY, name VARCHAR(40))");
    exec(a, "INSERT INTO person VALUES (1, 'Ada')");
    awaitSame("SELECT id, name FROM person", hub, a, b);

    exec(b, "ALTER TABLE person ADD COLUMN email VARCHAR(80)");
    exec(b, "CREATE INDEX person_email ON person (email)");
    exec(b, "UPDATE person SET email = 'ada@example.org' WHERE id = 1");
    List<List<String>> all = awaitSame("SELECT id, name, email FROM person", hub, a, b);
    assertThat(all).containsExactly(List.of("1", "Ada", "ada@example.org"));
    try (var rs = a.getMetaData().getIndexInfo(null, null, "person", false, false)) {
      List<String> names = new ArrayList<>();
      while (rs.next()) {
        names.add(rs.getString("INDEX_NAME"));
      }
      assertThat(names).contains("person_email");
    }

    exec(hub, "DROP TABLE person");
    awaitSame("SELECT COUNT(*) FROM person", hub, a, b);
    assertThat(Cluster.rowsOrNone(a, "SELECT id FROM person")).isEmpty();
  }

  @Test
  void aMeshOfNodesThatListenAndConnectConverges() throws Exception {
    // each node joins the database before it serves others (fresh nodes whose handshakes overlap
    // may still settle on different identities and refuse each other as another database)
    Connection n1 = cluster.hub("n1");
    exec(n1, "CREATE TABLE m (k INTEGER PRIMARY KEY, v VARCHAR(10))");
    Connection n2 =
        cluster.node(
            "n2",
            "listen=127.0.0.1:0&token=" + Cluster.TOKEN + "&peers=ws://127.0.0.1:" + port(n1));
    awaitSame("SELECT COUNT(*) FROM m", n1, n2);
    Connection n3 =
        cluster.node(
            "n3",
            "token="
                + Cluster.TOKEN
                + "&peers=ws://127.0.0.1:"
                + port(n1)
                + ",ws://127.0.0.1:"
                + port(n2));
    awaitSame("SELECT COUNT(*) FROM m", n1, n2, n3);
    exec(n3, "INSERT INTO m VALUES (3, 'three')");
    exec(n1, "INSERT INTO m VALUES (1, 'one')", "INSERT INTO m VALUES (9, 'nine')");
    awaitSame("SELECT k FROM m", n1, n2, n3);
    exec(n2, "INSERT INTO m VALUES (2, 'two')", "UPDATE m SET v = 'NINE' WHERE k = 9");
    List<List<String>> all = awaitSame("SELECT k, v FROM m ORDER BY k", n1, n2, n3);
    assertThat(all)
        .containsExactly(
            List.of("1", "one"), List.of("2", "two"), List.of("3", "three"), List.of("9", "NINE"));
    await()
        .atMost(Cluster.CONVERGE)
        .until(
            () ->
                rows(n3, "SELECT COUNT(*) FROM sys_peers WHERE state = 'LIVE'")
                    .equals(List.of(List.of("2"))));
  }
}
