package io.pluresdb.tck.sync;

import static io.pluresdb.tck.sync.Cluster.awaitSame;
import static io.pluresdb.tck.sync.Cluster.exec;
import static io.pluresdb.tck.sync.Cluster.port;
import static io.pluresdb.tck.sync.Cluster.rows;
import static io.pluresdb.tck.sync.Cluster.rowsOrNone;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Peers that must be refused, and configurations that must not start. */
class RefusalTest extends ClusterTest {

  private static boolean closedWith(Connection c, String code) {
    return rowsOrNone(c, "SELECT close_reason FROM sys_peers").stream()
        .anyMatch(r -> r.get(0).startsWith(code));
  }

  @Test
  void aWrongTokenIsRefusedAndNothingIsWritten() throws Exception {
    Connection hub = cluster.hub("hub");
    exec(hub, "CREATE TABLE secret (k INTEGER PRIMARY KEY)");
    exec(hub, "INSERT INTO secret VALUES (1)");
    Connection intruder =
        cluster.node("intruder", "peers=ws://127.0.0.1:" + port(hub) + "&token=guess");
    exec(intruder, "CREATE TABLE junk (k INTEGER PRIMARY KEY)");
    exec(intruder, "INSERT INTO junk VALUES (666)");

    await().atMost(Cluster.CONVERGE).until(() -> closedWith(intruder, "AUTH_FAILED"));
    await().atMost(Cluster.CONVERGE).until(() -> closedWith(hub, "AUTH_FAILED"));
    assertThat(rowsOrNone(hub, "SELECT k FROM junk")).isEmpty();
    assertThat(rowsOrNone(intruder, "SELECT k FROM secret")).isEmpty();
  }

  @Test
  void aNodeOfAnotherDatabaseIsRefusedAndNothingIsWritten() throws Exception {
    Connection hub1 = cluster.hub("hub1");
    Connection a = cluster.client("a", port(hub1));
    exec(a, "CREATE TABLE t1 (k INTEGER PRIMARY KEY)");
    exec(a, "INSERT INTO t1 VALUES (1)");
    awaitSame("SELECT k FROM t1", hub1, a);

    Connection hub2 = cluster.hub("hub2");
    exec(hub2, "CREATE TABLE t2 (k INTEGER PRIMARY KEY)");
    exec(hub2, "INSERT INTO t2 VALUES (2)");
    // hub2 has served a client of its own, so its identity is sealed (a fresh hub would adopt a's)
    Connection b = cluster.client("b", port(hub2));
    awaitSame("SELECT k FROM t2", hub2, b);
    cluster.stop(a);
    Connection again = cluster.client("a", port(hub2));

    await().atMost(Cluster.CONVERGE).until(() -> closedWith(again, "WRONG_DATABASE"));
    assertThat(rowsOrNone(hub2, "SELECT k FROM t1")).isEmpty();
    assertThat(rowsOrNone(again, "SELECT k FROM t2")).isEmpty();
    assertThat(rows(again, "SELECT k FROM t1")).containsExactly(List.of("1"));
  }

  @Test
  void aListenerBeyondLoopbackWithoutATokenDoesNotStart() {
    SQLException e =
        catchThrowableOfType(
            SQLException.class,
            () -> DriverManager.getConnection(cluster.url("open", "listen=0.0.0.0:0")));
    assertThat(e.getSQLState()).isEqualTo("08001");
    assertThat(e.getMessage()).contains("0.0.0.0").contains("requires a token");
  }

  @Test
  void aBadPeerUrlNamesTheProperty() {
    SQLException e =
        catchThrowableOfType(
            SQLException.class,
            () -> DriverManager.getConnection(cluster.url("bad", "peers=http://example.org")));
    assertThat(e.getSQLState()).isEqualTo("08001");
    assertThat(e.getMessage()).contains("'peers'").contains("http://example.org");
  }

  @Test
  void connectionsToOneDatabaseShareItsReplicationOrAreRefused() throws Exception {
    Connection hub = cluster.hub("shared");
    // a connection without replication properties joins the running node
    Connection plain = cluster.node("shared", "");
    assertThat(port(plain)).isEqualTo(port(hub));
    SQLException e =
        catchThrowableOfType(
            SQLException.class,
            () ->
                DriverManager.getConnection(
                    cluster.url("shared", "listen=127.0.0.1:0&token=other")));
    assertThat(e.getSQLState()).isEqualTo("08001");
    assertThat(e.getMessage()).contains("already open").contains("replication");
  }
}
