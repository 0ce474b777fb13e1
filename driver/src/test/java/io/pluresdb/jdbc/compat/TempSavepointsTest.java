package io.pluresdb.jdbc.compat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Savepoints over TEMP changes and triggers on TEMP tables, each compared with raw SQLite given the
 * same statements on a file of its own.
 */
@Timeout(120)
class TempSavepointsTest {
  @TempDir Path dir;
  private Twin twin;

  @BeforeEach
  void open() throws SQLException {
    twin = new Twin(dir);
    twin.exec(
        "CREATE TABLE item (id INTEGER PRIMARY KEY, name TEXT)",
        "INSERT INTO item VALUES (1, 'bolt')",
        "CREATE TEMP TABLE t (a INTEGER, b TEXT)",
        "INSERT INTO t VALUES (1, 'kept')");
  }

  @AfterEach
  void close() throws SQLException {
    twin.close();
  }

  @Test
  void rollbackToASavepointUndoesTheTempChangesMadeSinceAsInSqlite() throws SQLException {
    twin.exec(
        "BEGIN",
        "INSERT INTO t VALUES (2, 'before')",
        "SAVEPOINT s1",
        "INSERT INTO t VALUES (3, 'after s1')",
        "INSERT INTO item VALUES (2, 'nut')",
        "SAVEPOINT s2",
        "UPDATE t SET b = 'after s2'",
        "CREATE TEMP TABLE u (x)",
        "ROLLBACK TO s2");
    twin.assertSameAnswer("SELECT a, b FROM t ORDER BY a");
    twin.assertSameAnswer("SELECT count(*) FROM sqlite_temp_schema WHERE name = 'u'");
    twin.exec("ROLLBACK TO s1");
    twin.assertSameAnswer("SELECT a, b FROM t ORDER BY a");
    twin.assertSameAnswer("SELECT id FROM item ORDER BY id");
    twin.exec("COMMIT");
    twin.assertSameAnswer("SELECT a, b FROM t ORDER BY a");
    assertThat(Twin.rows(twin.plures, "SELECT a FROM t ORDER BY a")).containsExactly("1", "2");
  }

  @Test
  void aSavepointSetBeforeAnyTempChangeUndoesThemAllThroughJdbc() throws SQLException {
    for (Connection c : List.of(twin.sqlite, twin.plures)) {
      c.setAutoCommit(false);
      Savepoint sp = c.setSavepoint("first");
      Twin.exec(c, "INSERT INTO t VALUES (5, 'undone')");
      Twin.exec(c, "DELETE FROM t WHERE a = 1");
      c.rollback(sp);
      Twin.exec(c, "INSERT INTO t VALUES (6, 'kept')");
      c.commit();
      c.setAutoCommit(true);
    }
    twin.assertSameAnswer("SELECT a, b FROM t ORDER BY a");
    assertThat(Twin.rows(twin.plures, "SELECT a FROM t ORDER BY a")).containsExactly("1", "6");
  }

  @Test
  void aTriggerOnATempTableFiresAsInSqlite() throws SQLException {
    twin.exec(
        "CREATE TEMP TABLE audit (what TEXT, a INTEGER)",
        "CREATE TEMP TRIGGER t_added AFTER INSERT ON t BEGIN"
            + " INSERT INTO audit VALUES ('added', new.a); END",
        "CREATE TRIGGER t_changed AFTER UPDATE OF b ON t BEGIN"
            + " INSERT INTO audit SELECT 'changed ' || name, new.a FROM item WHERE id = 1; END",
        "INSERT INTO t VALUES (2, 'x')",
        "UPDATE t SET b = 'y' WHERE a = 2");
    twin.assertSameAnswer("SELECT what, a FROM audit ORDER BY a, what");
    twin.assertSameAnswer(
        "SELECT type, name, tbl_name FROM sqlite_temp_schema WHERE type = 'trigger' ORDER BY name");
    assertThat(Twin.rows(twin.plures, "SELECT what FROM audit ORDER BY what"))
        .containsExactly("added", "changed bolt");
  }

  @Test
  void aTempTriggerThatWouldWriteAReplicatedTableIsRefusedNamingIt() {
    SQLException e =
        catchThrowableOfType(
            SQLException.class,
            () ->
                twin.oursExec(
                    "CREATE TEMP TRIGGER leak AFTER INSERT ON t BEGIN"
                        + " INSERT INTO item VALUES (new.a + 100, new.b); END"));
    assertThat(e.getSQLState()).isEqualTo("0A000");
    assertThat(e.getMessage()).contains("'item'");
  }
}
