package io.pluresdb.tck.sync;

import static io.pluresdb.tck.sync.Cluster.awaitSame;
import static io.pluresdb.tck.sync.Cluster.exec;
import static io.pluresdb.tck.sync.Cluster.port;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.util.List;
import org.junit.jupiter.api.Test;

/** ALTER TABLE's renames and drops made on one node reach the other over a real socket. */
class AlterTableReplicationTest extends ClusterTest {
  @Test
  void renamedAndDroppedColumnsConverge() throws Exception {
    Connection hub = cluster.hub("hub");
    Connection a = cluster.client("a", port(hub));
    exec(a, "CREATE TABLE person (id INTEGER PRIMARY KEY, name TEXT, email TEXT, note TEXT)");
    exec(a, "INSERT INTO person VALUES (1, 'Ada', 'ada@example.org', 'x')");
    awaitSame("SELECT id, name, email, note FROM person", a, hub);

    exec(a, "ALTER TABLE person RENAME COLUMN name TO full_name");
    exec(hub, "ALTER TABLE person DROP COLUMN note");
    assertThat(awaitSame("SELECT id, full_name, email FROM person", a, hub))
        .containsExactly(List.of("1", "Ada", "ada@example.org"));

    exec(hub, "UPDATE person SET full_name = 'Ada L.' WHERE id = 1");
    exec(a, "INSERT INTO person (id, full_name, email) VALUES (2, 'Grace', NULL)");
    assertThat(awaitSame("SELECT * FROM person ORDER BY id", a, hub))
        .containsExactly(List.of("1", "Ada L.", "ada@example.org"), List.of("2", "Grace", "NULL"));
  }

  @Test
  void aRenamedTableTakesItsIndexesViewsTriggersAndLateWritesUnderTheOldName() throws Exception {
    Connection hub = cluster.hub("hub");
    int port = port(hub);
    Connection a = cluster.client("a", port);
    Connection b = cluster.client("b", port);
    // a writes at once, generated keys included (the trigger's), before any handshake completed:
    // a and b still join one database with the hub
    exec(
        a,
        "CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT)",
        "CREATE INDEX t_v ON t (v)",
        "CREATE TABLE child (id INTEGER PRIMARY KEY, t_id INTEGER REFERENCES t(id))",
        "CREATE VIEW tv AS SELECT id, v FROM t",
        "CREATE TABLE seen (id INTEGER PRIMARY KEY, what TEXT)",
        "CREATE TRIGGER t_seen AFTER INSERT ON t BEGIN "
            + "INSERT INTO seen (what) VALUES ('t ' || NEW.v); END",
        "INSERT INTO t VALUES (1, 'one')");
    awaitSame("SELECT id, v FROM t", a, b, hub);
    awaitSame("SELECT name FROM sqlite_schema WHERE type = 'trigger'", a, b, hub);

    // b goes offline and keeps writing under the old name
    cluster.stop(b);
    Connection offline = cluster.node("b", "");
    exec(a, "ALTER TABLE t RENAME TO t2", "INSERT INTO t2 VALUES (2, 'two')");
    exec(offline, "INSERT INTO t VALUES (3, 'three')", "UPDATE t SET v = 'uno' WHERE id = 1");
    cluster.stop(offline);
    Connection back = cluster.client("b", port);

    assertThat(awaitSame("SELECT id, v FROM t2 ORDER BY id", a, back, hub))
        .containsExactly(List.of("1", "uno"), List.of("2", "two"), List.of("3", "three"));
    assertThat(awaitSame("SELECT id, v FROM tv ORDER BY id", a, back, hub)).hasSize(3);
    assertThat(
            awaitSame(
                "SELECT type, name, tbl_name FROM sqlite_schema"
                    + " WHERE name IN ('t', 't2', 't_v', 't_seen') ORDER BY name",
                a,
                back,
                hub))
        .containsExactly(
            List.of("table", "t2", "t2"),
            List.of("trigger", "t_seen", "t2"),
            List.of("index", "t_v", "t2"));
    // each insert fired the trigger once, on the node that made it
    assertThat(awaitSame("SELECT what FROM seen ORDER BY what", a, back, hub))
        .containsExactly(List.of("t one"), List.of("t three"), List.of("t two"));
    exec(hub, "INSERT INTO child VALUES (1, 2)");
    java.sql.SQLException orphan =
        org.junit.jupiter.api.Assertions.assertThrows(
            java.sql.SQLException.class, () -> exec(hub, "INSERT INTO child VALUES (2, 99)"));
    assertThat(orphan.getSQLState()).isEqualTo("23503");
  }

  @Test
  void alteredColumnsReachThePeers() throws Exception {
    Connection hub = cluster.hub("hub");
    Connection a = cluster.client("a", port(hub));
    exec(a, "CREATE TABLE item (id INTEGER PRIMARY KEY, qty INTEGER, note TEXT NOT NULL)");
    exec(a, "INSERT INTO item VALUES (1, 3, 'x')");
    awaitSame("SELECT id, qty, note FROM item", a, hub);

    exec(
        a,
        "ALTER TABLE item ALTER COLUMN qty SET NOT NULL",
        "ALTER TABLE item ALTER qty SET DEFAULT 1");
    exec(a, "ALTER TABLE item ALTER COLUMN note DROP NOT NULL");
    assertThat(
            awaitSame(
                "SELECT name, \"notnull\", dflt_value FROM pragma_table_info('item') ORDER BY cid",
                a,
                hub))
        .containsExactly(
            List.of("id", "0", "NULL"), List.of("qty", "1", "1"), List.of("note", "0", "NULL"));
    exec(hub, "INSERT INTO item (id, note) VALUES (2, NULL)");
    java.sql.SQLException refused =
        org.junit.jupiter.api.Assertions.assertThrows(
            java.sql.SQLException.class, () -> exec(hub, "INSERT INTO item VALUES (3, NULL, 'z')"));
    assertThat(refused.getSQLState()).isEqualTo("23502");
    assertThat(awaitSame("SELECT id, qty, note FROM item ORDER BY id", a, hub))
        .containsExactly(List.of("1", "3", "x"), List.of("2", "1", "NULL"));
  }
}
