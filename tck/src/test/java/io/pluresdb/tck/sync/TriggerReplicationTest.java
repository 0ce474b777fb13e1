package io.pluresdb.tck.sync;

import static io.pluresdb.tck.sync.Cluster.exec;
import static io.pluresdb.tck.sync.Cluster.port;
import static io.pluresdb.tck.sync.Cluster.rows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Triggers across nodes: the trigger replicates as schema; a local write fires it on the node that
 * made the write, and what the trigger did travels as that write's transaction, so no node applying
 * it fires the trigger again.
 */
class TriggerReplicationTest extends ClusterTest {
  @Test
  void aTriggerReplicatesAndFiresOnlyWhereTheWriteWasMade() throws Exception {
    Connection hub = cluster.hub("hub");
    Connection a = cluster.client("a", port(hub));
    Connection b = cluster.client("b", port(hub));

    exec(
        a,
        "CREATE TABLE item (id INTEGER PRIMARY KEY, name TEXT NOT NULL)",
        "CREATE TABLE audit (id INTEGER PRIMARY KEY, what TEXT)",
        "CREATE TRIGGER item_audit AFTER INSERT ON item BEGIN "
            + "INSERT INTO audit (what) VALUES ('added ' || NEW.name); END");
    String triggers = "SELECT name, tbl_name FROM sqlite_schema WHERE type = 'trigger'";
    assertThat(Cluster.awaitSame(triggers, a, b, hub))
        .containsExactly(List.of("item_audit", "item"));

    exec(b, "INSERT INTO item (name) VALUES ('from b')");
    exec(a, "INSERT INTO item (name) VALUES ('from a')");
    await().atMost(Cluster.CONVERGE).until(() -> rows(hub, "SELECT id FROM item").size() == 2);

    List<List<String>> audit = Cluster.awaitSame("SELECT what FROM audit ORDER BY what", a, b, hub);
    assertThat(audit).containsExactly(List.of("added from a"), List.of("added from b"));
    assertThat(Cluster.awaitSame("SELECT count(*) FROM audit", a, b, hub))
        .containsExactly(List.of("2"));

    exec(a, "DROP TRIGGER item_audit");
    Cluster.awaitSame(triggers, a, b, hub);
    assertThat(rows(b, triggers)).isEmpty();
    exec(b, "INSERT INTO item (name) VALUES ('after the drop')");
    assertThat(Cluster.awaitSame("SELECT count(*) FROM item", a, b, hub))
        .containsExactly(List.of("3"));
    assertThat(Cluster.awaitSame("SELECT count(*) FROM audit", a, b, hub))
        .containsExactly(List.of("2"));
  }

  @Test
  void aTriggerRaisingRefusesTheLocalWriteAndNothingOfItReplicates() throws Exception {
    Connection hub = cluster.hub("hub");
    Connection a = cluster.client("a", port(hub));
    exec(
        a,
        "CREATE TABLE stock (id INTEGER PRIMARY KEY, qty INTEGER)",
        "CREATE TABLE moves (id INTEGER PRIMARY KEY, delta INTEGER)",
        "CREATE TRIGGER stock_moves AFTER UPDATE OF qty ON stock BEGIN "
            + "INSERT INTO moves (delta) VALUES (NEW.qty - OLD.qty); "
            + "SELECT RAISE(ABORT, 'stock below zero') WHERE NEW.qty < 0; END",
        "INSERT INTO stock VALUES (1, 5)");
    Cluster.awaitSame("SELECT sql FROM sqlite_master WHERE type = 'trigger'", a, hub);

    exec(hub, "UPDATE stock SET qty = 3 WHERE id = 1");
    java.sql.SQLException refused =
        org.junit.jupiter.api.Assertions.assertThrows(
            java.sql.SQLException.class, () -> exec(hub, "UPDATE stock SET qty = -1"));
    assertThat(refused.getSQLState()).isEqualTo("23000");
    assertThat(refused.getMessage()).contains("stock below zero");

    assertThat(Cluster.awaitSame("SELECT id, qty FROM stock", a, hub))
        .containsExactly(List.of("1", "3"));
    assertThat(Cluster.awaitSame("SELECT delta FROM moves", a, hub)).containsExactly(List.of("-2"));
  }

  @Test
  void triggersFiredByACascadeReplicateAsDataAndFollowARenamedColumnOnEveryNode() throws Exception {
    Connection hub = cluster.hub("hub");
    Connection a = cluster.client("a", port(hub));
    Connection b = cluster.client("b", port(hub));
    exec(
        a,
        "CREATE TABLE parent (id INTEGER PRIMARY KEY)",
        "CREATE TABLE child (id INTEGER PRIMARY KEY,"
            + " pid INTEGER REFERENCES parent(id) ON DELETE CASCADE, note TEXT)",
        "CREATE TABLE audit (id INTEGER PRIMARY KEY, what TEXT)",
        "CREATE TRIGGER child_gone AFTER DELETE ON child BEGIN "
            + "INSERT INTO audit (what) VALUES ('gone ' || OLD.note); END",
        "INSERT INTO parent VALUES (1)",
        "INSERT INTO child VALUES (10, 1, 'x'), (11, 1, 'y')");
    assertThat(Cluster.awaitSame("SELECT id FROM child ORDER BY id", a, b, hub))
        .containsExactly(List.of("10"), List.of("11"));

    // the cascade on b fires child_gone on b only; its rows reach a and the hub as data
    exec(b, "DELETE FROM parent WHERE id = 1");
    assertThat(Cluster.awaitSame("SELECT what FROM audit ORDER BY what", a, b, hub))
        .containsExactly(List.of("gone x"), List.of("gone y"));

    exec(a, "ALTER TABLE child RENAME COLUMN note TO label");
    String text = "SELECT sql FROM sqlite_schema WHERE name = 'child_gone'";
    await().atMost(Cluster.CONVERGE).until(() -> rows(b, text).toString().contains("OLD.label"));
    assertThat(Cluster.awaitSame(text, a, b, hub).get(0).get(0))
        .isEqualTo(
            "CREATE TRIGGER child_gone AFTER DELETE ON child BEGIN "
                + "INSERT INTO audit (what) VALUES ('gone ' || OLD.label); END");
    exec(
        b,
        "INSERT INTO parent VALUES (2)",
        "INSERT INTO child VALUES (12, 2, 'z')",
        "DELETE FROM child WHERE id = 12");
    assertThat(Cluster.awaitSame("SELECT what FROM audit ORDER BY what", a, b, hub))
        .containsExactly(List.of("gone x"), List.of("gone y"), List.of("gone z"));
  }
}
