package io.pluresdb.tck.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * SQLite's {@code rowid} (and {@code _rowid_}, {@code oid}) and its per-connection counters {@code
 * last_insert_rowid()}, {@code changes()}, {@code total_changes()} give the answers raw SQLite
 * gives for the same statements.
 */
class RowidTest {
  Connection ours;
  Connection sqlite;

  @BeforeEach
  void open() throws SQLException {
    ours = Db.open(Db.memUrl());
    sqlite = DriverManager.getConnection("jdbc:sqlite::memory:");
  }

  @AfterEach
  void close() throws SQLException {
    ours.close();
    sqlite.close();
  }

  private void both(String... statements) throws SQLException {
    Db.exec(ours, statements);
    Db.exec(sqlite, statements);
  }

  private void assertSameRows(String query) throws SQLException {
    assertThat(Db.rows(ours, query)).as(query).isNotEmpty().isEqualTo(Db.rows(sqlite, query));
  }

  @Test
  void rowidOfAnIntegerPrimaryKeyTableIsItsKey() throws SQLException {
    both(
        "CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT)",
        "INSERT INTO t (name) VALUES ('a'), ('b')",
        "INSERT INTO t (id, name) VALUES (7, 'c')");
    assertSameRows("SELECT rowid, _rowid_, oid, id, name FROM t ORDER BY rowid");
    assertSameRows("SELECT t.rowid, name FROM t WHERE rowid > 1 ORDER BY 1 DESC");
  }

  @Test
  void rowidOfATableWithoutIntegerKeyIsTheRowsOwnAndStarLeavesItOut() throws SQLException {
    both(
        "CREATE TABLE n (name TEXT, qty INT)",
        "INSERT INTO n VALUES ('a', 1), ('b', 2), ('c', 3)",
        "DELETE FROM n WHERE rowid = 2",
        "UPDATE n SET qty = 30 WHERE oid = 3");
    assertSameRows("SELECT rowid, name, qty FROM n ORDER BY rowid");
    assertSameRows("SELECT *, rowid FROM n ORDER BY rowid");
    try (Statement s = ours.createStatement();
        ResultSet rs = s.executeQuery("SELECT * FROM n WHERE rowid = 1")) {
      assertThat(rs.getMetaData().getColumnCount()).isEqualTo(2);
    }
  }

  @Test
  void aRealColumnNamedRowidWins() throws SQLException {
    both("CREATE TABLE r (rowid TEXT, v INT)", "INSERT INTO r VALUES ('x', 1), ('y', 2)");
    assertSameRows("SELECT rowid, oid, v FROM r ORDER BY v");
    assertSameRows("SELECT * FROM r ORDER BY v");
  }

  @Test
  void lastInsertRowidChangesAndTotalChangesAreThoseOfThisConnection() throws SQLException {
    String counters = "SELECT last_insert_rowid(), changes(), total_changes()";
    both(
        "CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT)",
        "INSERT INTO t (name) VALUES ('a'), ('b'), ('c')");
    assertSameRows(counters);
    both("UPDATE t SET name = 'z' WHERE id < 3");
    assertSameRows(counters);
    both("CREATE TABLE n (name TEXT)", "INSERT INTO n VALUES ('p'), ('q')", "DELETE FROM t");
    assertSameRows(counters);
    try (Connection other = DriverManager.getConnection(ours.getMetaData().getURL())) {
      assertThat(Db.rows(other, counters)).containsExactly("0|0|0");
    }
  }

  @Test
  void aSeedScriptLinksRowsWithLastInsertRowid() throws SQLException {
    both(
        "CREATE TABLE parent (id INTEGER PRIMARY KEY, name TEXT)",
        "CREATE TABLE child (id INTEGER PRIMARY KEY, parent_id INT, name TEXT)",
        "INSERT INTO parent (name) VALUES ('p1')",
        "INSERT INTO child (parent_id, name) VALUES (last_insert_rowid(), 'c1')",
        "INSERT INTO parent (name) VALUES ('p2')",
        "INSERT INTO child (parent_id, name) VALUES (last_insert_rowid(), 'c2')");
    assertSameRows(
        "SELECT c.name, p.name FROM child c JOIN parent p ON p.id = c.parent_id ORDER BY c.id");
  }
}
