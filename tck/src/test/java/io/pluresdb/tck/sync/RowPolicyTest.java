package io.pluresdb.tck.sync;

import static io.pluresdb.tck.sync.Cluster.awaitSame;
import static io.pluresdb.tck.sync.Cluster.exec;
import static io.pluresdb.tck.sync.Cluster.port;
import static io.pluresdb.tck.sync.Cluster.rows;
import static io.pluresdb.tck.sync.Cluster.rowsOrNone;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Users with their JWTs on one hub: the hub holds each user's writes to the tables' row policies,
 * refuses a forbidden write whole with a reason the writer sees, sends each user only the rows its
 * read policies allow, and refuses a bad token.
 */
class RowPolicyTest extends ClusterTest {

  private Connection hub() throws SQLException {
    return cluster.node(
        "hub",
        "listen=127.0.0.1:0&token="
            + Cluster.TOKEN
            + "&jwt_secret_file="
            + Jwts.secretFile(dir).toString().replace('\\', '/'));
  }

  private Connection user(String name, String jwt, Connection hub) throws SQLException {
    return cluster.node(name, "peers=ws://127.0.0.1:" + port(hub) + "&jwt=" + jwt);
  }

  private static String closeReason(Connection c) {
    return rowsOrNone(c, "SELECT close_reason FROM sys_peers").stream()
        .map(r -> r.get(0))
        .filter(r -> !r.equals("NULL"))
        .findFirst()
        .orElse("");
  }

  /**
   * The first close reason of {@code c} that names {@code code}, read once: the session reconnects
   * soon after, and its new row has no reason yet.
   */
  private static String awaitReason(Connection c, String code) {
    String[] seen = {""};
    await().atMost(Cluster.CONVERGE).until(() -> (seen[0] = closeReason(c)).contains(code));
    return seen[0];
  }

  private static void schema(Connection hub) throws SQLException {
    exec(
        hub,
        "CREATE TABLE note (id INTEGER PRIMARY KEY, owner TEXT NOT NULL, body TEXT)",
        "CREATE POLICY own_notes ON note FOR ALL USING (owner = current_user)"
            + " WITH CHECK (owner = current_user)",
        "CREATE TABLE task (id INTEGER PRIMARY KEY, team TEXT, title TEXT)",
        "CREATE POLICY team_tasks ON task FOR INSERT WITH CHECK (team = current_claim('team'))",
        "INSERT INTO note VALUES (1, 'bob', 'bob''s first')");
  }

  @Test
  void eachUserWritesTheirOwnRowsAndTheSharedTokenStaysTrusted() throws Exception {
    Connection hub = hub();
    schema(hub);
    Connection alice = user("alice", Jwts.token("alice", Map.of("team", "red")), hub);
    Connection bob = user("bob", Jwts.token("bob", Map.of("team", "blue")), hub);
    awaitSame("SELECT policyname, cmd FROM sys_policies ORDER BY 1", hub, alice, bob);
    assertThat(rows(alice, "SELECT tablename, policyname, cmd, qual FROM sys_policies ORDER BY 2"))
        .containsExactly(
            List.of("note", "own_notes", "ALL", "owner = current_user"),
            List.of("task", "team_tasks", "INSERT", "NULL"));

    exec(alice, "INSERT INTO note VALUES (2, 'alice', 'hers')");
    exec(bob, "UPDATE note SET body = 'bob''s edit' WHERE id = 1");
    exec(alice, "INSERT INTO task VALUES (1, 'red', 'paint')");
    Connection trusted = cluster.client("service", port(hub));
    awaitSame("SELECT COUNT(*) FROM task", hub, trusted);
    exec(trusted, "INSERT INTO note VALUES (3, 'carol', 'by the service')");

    List<List<String>> notes =
        awaitSame("SELECT id, owner, body FROM note ORDER BY id", hub, trusted);
    assertThat(notes)
        .containsExactly(
            List.of("1", "bob", "bob's edit"),
            List.of("2", "alice", "hers"),
            List.of("3", "carol", "by the service"));
    // each user holds only the rows its read policies allow (own_notes is FOR ALL)
    await()
        .atMost(Cluster.CONVERGE)
        .until(
            () -> rows(alice, "SELECT id, body FROM note").equals(List.of(List.of("2", "hers"))));
    await()
        .atMost(Cluster.CONVERGE)
        .until(
            () ->
                rows(bob, "SELECT id, body FROM note").equals(List.of(List.of("1", "bob's edit"))));
    assertThat(rows(hub, "SELECT id, team FROM task")).containsExactly(List.of("1", "red"));
    // task has no policy FOR SELECT: no user reads it, not even the row it inserted
    await().atMost(Cluster.CONVERGE).until(() -> rows(alice, "SELECT * FROM task").isEmpty());
    assertThat(rows(bob, "SELECT * FROM task")).isEmpty();
    assertThat(closeReason(alice)).isEmpty();
    assertThat(closeReason(bob)).isEmpty();
  }

  @Test
  void aWriteToAnotherUsersRowIsRefusedWithItsReason() throws Exception {
    Connection hub = hub();
    schema(hub);
    Connection alice = user("alice", Jwts.token("alice", Map.of("team", "red")), hub);
    awaitSame("SELECT policyname FROM sys_policies ORDER BY 1", hub, alice);

    // bob's row is not on alice's device; writing its key is an UPDATE of it on the hub
    exec(alice, "INSERT INTO note VALUES (1, 'alice', 'defaced')");

    assertThat(awaitReason(alice, "FORBIDDEN"))
        .contains("alice may not UPDATE row [1] of table 'note'")
        .contains("own_notes");
    await().atMost(Cluster.CONVERGE).until(() -> closeReason(hub).contains("FORBIDDEN"));
    assertThat(rows(hub, "SELECT body FROM note WHERE id = 1"))
        .containsExactly(List.of("bob's first"));
  }

  @Test
  void aTransactionWithOneRowOutsideWithCheckIsRefusedWhole() throws Exception {
    Connection hub = hub();
    schema(hub);
    Connection bob = user("bob", Jwts.token("bob", Map.of("team", "blue")), hub);
    awaitSame("SELECT COUNT(*) FROM task", hub, bob);

    bob.setAutoCommit(false);
    exec(bob, "INSERT INTO note VALUES (10, 'bob', 'fine alone')");
    exec(bob, "INSERT INTO note VALUES (11, 'alice', 'in her name')");
    exec(bob, "INSERT INTO task VALUES (10, 'red', 'not my team')");
    bob.commit();

    assertThat(awaitReason(bob, "FORBIDDEN"))
        .contains("bob may not INSERT row [11] of table 'note'");
    assertThat(rows(hub, "SELECT id FROM note ORDER BY id")).containsExactly(List.of("1"));
    assertThat(rows(hub, "SELECT COUNT(*) FROM task")).containsExactly(List.of("0"));
  }

  @Test
  void anExpiredOrForgedTokenIsRefusedAndNothingIsWritten() throws Exception {
    Connection hub = hub();
    schema(hub);
    Connection late =
        user("late", Jwts.token(Jwts.SECRET, "alice", Map.of(), Duration.ofHours(-1)), hub);
    Connection forger =
        user(
            "forger",
            Jwts.token(
                "a-secret-the-hub-does-not-know-at-all", "bob", Map.of(), Duration.ofHours(1)),
            hub);
    exec(late, "CREATE TABLE mine (k INTEGER PRIMARY KEY)", "INSERT INTO mine VALUES (1)");
    exec(forger, "CREATE TABLE theirs (k INTEGER PRIMARY KEY)", "INSERT INTO theirs VALUES (1)");

    assertThat(awaitReason(late, "AUTH_FAILED")).contains("Expired JWT");
    assertThat(awaitReason(forger, "AUTH_FAILED")).contains("Invalid signature");
    assertThat(rowsOrNone(hub, "SELECT k FROM mine")).isEmpty();
    assertThat(rowsOrNone(hub, "SELECT k FROM theirs")).isEmpty();
    assertThat(rowsOrNone(late, "SELECT id FROM note")).isEmpty();
  }

  @Test
  void aUserMayNotChangeTheSchema() throws Exception {
    Connection hub = hub();
    schema(hub);
    Connection alice = user("alice", Jwts.token("alice", Map.of()), hub);
    awaitSame("SELECT policyname FROM sys_policies ORDER BY 1", hub, alice);

    exec(alice, "DROP POLICY own_notes ON note");

    assertThat(awaitReason(alice, "FORBIDDEN")).contains("the schema");
    assertThat(rows(hub, "SELECT policyname FROM sys_policies ORDER BY 1"))
        .containsExactly(List.of("own_notes"), List.of("team_tasks"));
  }
}
