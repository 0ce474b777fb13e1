package io.pluresdb.jdbc.compat;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * TEMP tables through {@code java.sql}: a transaction keeps or undoes its TEMP changes with its
 * own, columns carry their declared types, the store's hidden columns of a replicated table never
 * show, and {@code DatabaseMetaData} lists TEMP tables as {@code LOCAL TEMPORARY}; compared with
 * raw SQLite given the same statements where SQLite has an answer.
 */
@Timeout(120)
class TempTablesTest {
  private Twin twin;

  @BeforeEach
  void open() throws SQLException {
    twin = Twin.open();
    twin.exec(
        "CREATE TABLE r (id INTEGER PRIMARY KEY, v TEXT)",
        "CREATE TABLE n (v TEXT)",
        "INSERT INTO r VALUES (1, 'one'), (2, 'two')",
        "INSERT INTO n VALUES ('x')",
        "CREATE TEMP TABLE t (a INTEGER, b TEXT, c, d VARCHAR(10), e UNSIGNED BIG INT)",
        "INSERT INTO t VALUES (1, 'kept', 'any', 'v', 7)");
  }

  @AfterEach
  void close() throws SQLException {
    twin.close();
  }

  @Test
  void rollbackUndoesTempWritesAndCommitKeepsThemAsInSqlite() throws SQLException {
    for (Connection c : List.of(twin.sqlite, twin.plures)) {
      c.setAutoCommit(false);
    }
    twin.exec(
        "INSERT INTO t (a, b) VALUES (2, 'undone')",
        "UPDATE t SET b = 'changed' WHERE a = 1",
        "CREATE TEMP TABLE gone (x INTEGER)",
        "INSERT INTO r VALUES (3, 'three')");
    twin.assertSameAnswer("SELECT a, b FROM t ORDER BY a");
    twin.sqlite.rollback();
    twin.plures.rollback();
    twin.assertSameAnswer("SELECT a, b FROM t ORDER BY a");
    twin.assertSameAnswer("SELECT id, v FROM r ORDER BY id");
    twin.assertSameAnswer("SELECT count(*) FROM sqlite_temp_schema WHERE name = 'gone'");
    assertThat(Twin.rows(twin.plures, "SELECT b FROM t")).containsExactly("kept");

    twin.exec("INSERT INTO t (a, b) VALUES (4, 'committed')", "DELETE FROM t WHERE a = 1");
    twin.sqlite.commit();
    twin.plures.commit();
    for (Connection c : List.of(twin.sqlite, twin.plures)) {
      c.setAutoCommit(true);
    }
    twin.assertSameAnswer("SELECT a, b FROM t ORDER BY a");
    assertThat(Twin.rows(twin.plures, "SELECT a, b FROM t")).containsExactly("4|committed");
  }

  @Test
  void explicitBeginAndRollbackUndoTempWrites() throws SQLException {
    twin.exec("BEGIN", "INSERT INTO t (a) VALUES (5)", "ROLLBACK");
    twin.assertSameAnswer("SELECT count(*) FROM t");
    assertThat(Twin.rows(twin.plures, "SELECT count(*) FROM t")).containsExactly("1");
  }

  @Test
  void columnsCarryTheirDeclaredTypesAndUntypedOnesTheirValuesClass() throws SQLException {
    try (ResultSet rs =
        twin.plures.createStatement().executeQuery("SELECT a, b, c, d, e, a + 1 FROM t")) {
      ResultSetMetaData md = rs.getMetaData();
      List<Integer> types = new ArrayList<>();
      for (int i = 1; i <= md.getColumnCount(); i++) {
        types.add(md.getColumnType(i));
      }
      assertThat(types)
          .containsExactly(
              Types.INTEGER, Types.VARCHAR, Types.OTHER, Types.VARCHAR, Types.BIGINT, Types.OTHER);
      assertThat(rs.next()).isTrue();
      assertThat(rs.getObject(1)).isEqualTo(1);
      assertThat(rs.getObject(2)).isEqualTo("kept");
      assertThat(rs.getObject(3)).isEqualTo("any");
      assertThat(rs.getObject(5)).isEqualTo(7L);
      assertThat(rs.getObject(6)).isEqualTo(2L);
    }
    twin.assertSameAnswer("SELECT a, b, c, d, e, a + 1 FROM t");
  }

  @Test
  void starOverAReplicatedTableShowsItsColumnsOnly() throws SQLException {
    twin.assertSameAnswer("SELECT * FROM r, t ORDER BY r.id");
    twin.assertSameAnswer("SELECT n.*, t.a FROM n JOIN t ON 1 = 1");
    assertThat(Twin.labels(twin.plures, "SELECT * FROM r JOIN t ON t.a = r.id"))
        .containsExactly("id", "v", "a", "b", "c", "d", "e");
  }

  @Test
  void getTablesListsTheConnectionsTempTablesAsLocalTemporary() throws SQLException {
    twin.exec("CREATE TEMP VIEW tv AS SELECT a FROM t");
    assertThat(tables(twin.plures, null))
        .contains("n TABLE", "r TABLE", "t LOCAL TEMPORARY", "tv VIEW")
        .doesNotContain("sys_peers VIEW");
    assertThat(tables(twin.plures, new String[] {"TABLE"})).containsExactly("n TABLE", "r TABLE");
    assertThat(tables(twin.plures, new String[] {"LOCAL TEMPORARY"}))
        .containsExactly("t LOCAL TEMPORARY");
    try (ResultSet types = twin.plures.getMetaData().getTableTypes()) {
      List<String> all = new ArrayList<>();
      while (types.next()) {
        all.add(types.getString(1));
      }
      assertThat(all).contains("LOCAL TEMPORARY");
    }
    // another connection to the same database sees its own TEMP schema only
    String url = twin.plures.getMetaData().getURL();
    try (Connection other = DriverManager.getConnection(url)) {
      assertThat(tables(other, null)).doesNotContain("t LOCAL TEMPORARY");
    }
  }

  private static List<String> tables(Connection c, String[] types) throws SQLException {
    List<String> out = new ArrayList<>();
    try (ResultSet rs = c.getMetaData().getTables(null, null, "%", types)) {
      while (rs.next()) {
        out.add(rs.getString("TABLE_NAME") + " " + rs.getString("TABLE_TYPE"));
      }
    }
    return out;
  }
}
