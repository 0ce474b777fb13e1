package io.pluresdb.tck.sync;

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
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Partial sync through java.sql: users with their JWTs on one hub hold only the rows their read
 * policies let them read and their scopes ask for; a row that leaves (its values, a membership, a
 * narrower scope) is removed from the device; a partial copy serves no peer.
 */
class ScopeSyncTest extends ClusterTest {

  private Connection hub() throws SQLException {
    return cluster.node(
        "hub",
        "listen=127.0.0.1:0&token="
            + Cluster.TOKEN
            + "&jwt_secret_file="
            + Jwts.secretFile(dir).toString().replace('\\', '/'));
  }

  private Connection user(String name, String jwt, Connection hub, String more)
      throws SQLException {
    return cluster.node(name, "peers=ws://127.0.0.1:" + port(hub) + "&jwt=" + jwt + more);
  }

  private static void schema(Connection hub) throws SQLException {
    exec(
        hub,
        "CREATE TABLE member (user_id TEXT, team_id INTEGER, PRIMARY KEY (user_id, team_id))",
        "CREATE TABLE note (id INTEGER PRIMARY KEY, owner TEXT NOT NULL, project_id INTEGER,"
            + " body TEXT)",
        "CREATE POLICY own_notes ON note FOR ALL USING (owner = current_user)"
            + " WITH CHECK (owner = current_user)",
        "CREATE TABLE project (id INTEGER PRIMARY KEY, team_id INTEGER, name TEXT)",
        "CREATE POLICY team_read ON project FOR SELECT USING (team_id IN"
            + " (SELECT team_id FROM member WHERE user_id = current_user))",
        "INSERT INTO member VALUES ('alice', 1), ('bob', 2)",
        "INSERT INTO project VALUES (1, 1, 'red'), (2, 2, 'blue'), (3, 1, 'crimson')",
        "INSERT INTO note VALUES (1, 'alice', 7, 'a7'), (2, 'alice', 9, 'a9'),"
            + " (3, 'alice', 8, 'a8'), (4, 'bob', 7, 'b7'), (5, 'bob', 9, 'b9')");
  }

  private static void awaitRows(Connection c, String sql, List<List<String>> expected) {
    await()
        .atMost(Cluster.CONVERGE)
        .pollInterval(Duration.ofMillis(50))
        .until(() -> rowsOrNone(c, sql).equals(expected));
  }

  @Test
  void twoUsersOnOneHubEachHoldExactlyTheirRows() throws Exception {
    Connection hub = hub();
    schema(hub);
    Connection alice = user("alice", Jwts.token("alice", Map.of()), hub, "");
    Connection bob = user("bob", Jwts.token("bob", Map.of()), hub, "");

    awaitRows(
        alice,
        "SELECT id FROM note ORDER BY id",
        List.of(List.of("1"), List.of("2"), List.of("3")));
    awaitRows(bob, "SELECT id FROM note ORDER BY id", List.of(List.of("4"), List.of("5")));
    awaitRows(
        alice, "SELECT name FROM project ORDER BY id", List.of(List.of("red"), List.of("crimson")));
    awaitRows(bob, "SELECT name FROM project ORDER BY id", List.of(List.of("blue")));

    // a write on the hub reaches only the user who may read it
    exec(hub, "INSERT INTO note VALUES (6, 'bob', 7, 'b7 again')");
    exec(hub, "UPDATE note SET body = 'a7 edited' WHERE id = 1");
    awaitRows(
        bob, "SELECT id FROM note ORDER BY id", List.of(List.of("4"), List.of("5"), List.of("6")));
    awaitRows(alice, "SELECT body FROM note WHERE id = 1", List.of(List.of("a7 edited")));
    assertThat(rows(alice, "SELECT id FROM note ORDER BY id"))
        .containsExactly(List.of("1"), List.of("2"), List.of("3"));

    // a user's own write goes up, and a row given away leaves the giver's device
    exec(alice, "INSERT INTO note VALUES (10, 'alice', 7, 'new')");
    await()
        .atMost(Cluster.CONVERGE)
        .until(() -> rows(hub, "SELECT id FROM note WHERE id = 10").size() == 1);
    exec(hub, "UPDATE note SET owner = 'bob' WHERE id = 10");
    awaitRows(alice, "SELECT id FROM note WHERE id = 10", List.of());
    awaitRows(bob, "SELECT body FROM note WHERE id = 10", List.of(List.of("new")));
    assertThat(rows(hub, "SELECT COUNT(*) FROM note")).containsExactly(List.of("7"));
  }

  @Test
  void aRevokedMembershipRemovesTheTeamsRowsFromTheDevice() throws Exception {
    Connection hub = hub();
    schema(hub);
    Connection alice = user("alice", Jwts.token("alice", Map.of()), hub, "");
    awaitRows(
        alice, "SELECT name FROM project ORDER BY id", List.of(List.of("red"), List.of("crimson")));

    exec(hub, "DELETE FROM member WHERE user_id = 'alice'");
    awaitRows(alice, "SELECT name FROM project ORDER BY id", List.of());

    exec(hub, "INSERT INTO member VALUES ('alice', 2)");
    awaitRows(alice, "SELECT name FROM project ORDER BY id", List.of(List.of("blue")));
    // removal is local: the hub still holds every project
    assertThat(rows(hub, "SELECT COUNT(*) FROM project")).containsExactly(List.of("3"));
  }

  @Test
  void scopesNarrowWhatTheDeviceHolds() throws Exception {
    Connection hub = hub();
    schema(hub);
    Connection alice =
        user(
            "alice",
            Jwts.token("alice", Map.of()),
            hub,
            "&scopes=CREATE SCOPE mine AS SELECT * FROM note WHERE project_id IN (7, 9)");
    awaitRows(alice, "SELECT id FROM note ORDER BY id", List.of(List.of("1"), List.of("2")));
    // a table no scope names is not held at all
    assertThat(rowsOrNone(alice, "SELECT * FROM project")).isEmpty();

    exec(alice, "CREATE SCOPE projects AS SELECT * FROM project");
    awaitRows(
        alice, "SELECT name FROM project ORDER BY id", List.of(List.of("red"), List.of("crimson")));

    exec(alice, "DROP SCOPE mine", "CREATE SCOPE mine AS SELECT * FROM note WHERE project_id = 9");
    awaitRows(alice, "SELECT id FROM note ORDER BY id", List.of(List.of("2")));

    // a row whose values take it out of the scope leaves
    exec(hub, "UPDATE note SET project_id = 8 WHERE id = 2");
    awaitRows(alice, "SELECT id FROM note ORDER BY id", List.of());
    exec(hub, "UPDATE note SET project_id = 9 WHERE id = 3");
    awaitRows(alice, "SELECT id, body FROM note ORDER BY id", List.of(List.of("3", "a8")));
    assertThat(rows(hub, "SELECT COUNT(*) FROM note")).containsExactly(List.of("5"));

    assertThatThrownBy(() -> exec(alice, "CREATE SCOPE projects AS SELECT * FROM project"))
        .isInstanceOf(SQLException.class)
        .hasFieldOrPropertyWithValue("SQLState", "42710");
    assertThatThrownBy(() -> exec(alice, "DROP SCOPE nothing"))
        .hasFieldOrPropertyWithValue("SQLState", "42704");
    assertThatThrownBy(
            () ->
                exec(
                    alice,
                    "CREATE SCOPE sly AS SELECT * FROM note WHERE id IN (SELECT k FROM secret)"))
        .hasFieldOrPropertyWithValue("SQLState", "42601");
  }

  @Test
  void aForgedWriteOutsideTheSliceIsStillRefused() throws Exception {
    Connection hub = hub();
    schema(hub);
    Connection alice = user("alice", Jwts.token("alice", Map.of()), hub, "");
    awaitRows(alice, "SELECT COUNT(*) FROM note", List.of(List.of("3")));

    // bob's note 4 is not on alice's device: writing its key is an UPDATE of his row on the hub
    exec(alice, "INSERT INTO note VALUES (4, 'alice', 7, 'taken over')");

    await()
        .atMost(Cluster.CONVERGE)
        .until(
            () ->
                rowsOrNone(alice, "SELECT close_reason FROM sys_peers")
                    .toString()
                    .contains("alice may not UPDATE row [4] of table 'note'"));
    assertThat(rows(hub, "SELECT owner, body FROM note WHERE id = 4"))
        .containsExactly(List.of("bob", "b7"));
  }

  @Test
  void aPartialCopyServesNoPeer() throws Exception {
    Connection hub = hub();
    schema(hub);
    Connection alice =
        cluster.node(
            "alice",
            "listen=127.0.0.1:0&peers=ws://127.0.0.1:"
                + port(hub)
                + "&jwt="
                + Jwts.token("alice", Map.of()));
    awaitRows(alice, "SELECT COUNT(*) FROM note", List.of(List.of("3")));

    Connection thief = cluster.client("thief", port(alice));
    await()
        .atMost(Cluster.CONVERGE)
        .until(
            () ->
                rowsOrNone(thief, "SELECT close_reason FROM sys_peers")
                    .toString()
                    .contains("holds a partial copy"));
    assertThat(rowsOrNone(thief, "SELECT COUNT(*) FROM note")).isEmpty();
  }
}
