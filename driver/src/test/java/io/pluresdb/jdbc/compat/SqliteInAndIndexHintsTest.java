package io.pluresdb.jdbc.compat;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * SQLite's forms of IN (the empty list, a table as the list), comparisons across types, and the
 * table hints INDEXED BY and NOT INDEXED, each answer compared with raw SQLite on the same tables.
 */
@Timeout(120)
class SqliteInAndIndexHintsTest {
  private static final String[] SETUP = {
    "CREATE TABLE t (n INTEGER, s TEXT)",
    "CREATE TABLE ones (v INTEGER)",
    "CREATE INDEX t_n ON t (n)",
    "INSERT INTO t (n, s) VALUES (2, 'b'), (0, 'z'), (NULL, 'c'), (1, 'a')",
    "INSERT INTO ones (v) VALUES (1), (3)"
  };

  private Twin twin;

  @BeforeEach
  void open() throws SQLException {
    twin = Twin.open();
    twin.exec(SETUP);
  }

  @AfterEach
  void close() throws SQLException {
    twin.close();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "SELECT s FROM t WHERE n IN () ORDER BY s",
        "SELECT s FROM t WHERE n NOT IN () ORDER BY s",
        "SELECT s FROM t WHERE NULL NOT IN () AND NOT (NULL IN ()) ORDER BY s",
        "SELECT CASE WHEN n IN () THEN 1 ELSE 0 END, CASE WHEN n NOT IN () THEN 1 END FROM t",
        "SELECT s FROM t WHERE n IN ones ORDER BY s",
        "SELECT s FROM t WHERE n NOT IN ones ORDER BY s",
        "SELECT s FROM t WHERE n IN main.ones ORDER BY s",
        "SELECT v FROM ones WHERE 'hello' NOT IN ones AND x'31' NOT IN ones",
        "SELECT s FROM t WHERE n IN (1, 'hello') ORDER BY s",
        "SELECT s FROM t WHERE 'x' > n ORDER BY s",
        "SELECT s FROM t WHERE n < 'x' AND n <> 'x' ORDER BY s",
        "SELECT s FROM t WHERE n IN (x'31', 2) ORDER BY s",
        "SELECT s FROM t WHERE n < x'31' ORDER BY s",
        "SELECT group_concat(n) FROM t NOT INDEXED",
        "SELECT group_concat(n) FROM t INDEXED BY t_n WHERE n >= 0",
        "SELECT group_concat(x.n, ':') FROM t AS x INDEXED BY t_n WHERE x.n > -1",
        "SELECT group_concat(t.s) FROM t NOT INDEXED JOIN ones o NOT INDEXED ON t.n = o.v"
      })
  void sqlitesAnswer(String sql) throws SQLException {
    twin.assertSameAnswer(sql);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "UPDATE t INDEXED BY t_n SET s = 'B' WHERE n = 2",
        "UPDATE t AS x NOT INDEXED SET s = 'Z' WHERE x.n = 0",
        "DELETE FROM t NOT INDEXED WHERE n IN ()",
        "DELETE FROM t INDEXED BY t_n WHERE n IN ones"
      })
  void writesTakeTheHintsAndForms(String write) throws SQLException {
    twin.exec(write);
    twin.assertSameAnswer("SELECT n, s FROM t ORDER BY s");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "SELECT s FROM t INDEXED BY no_such_ix",
        "SELECT s FROM ones INDEXED BY t_n",
        "UPDATE t INDEXED BY no_such_ix SET s = 'q'",
        "DELETE FROM t INDEXED BY no_such_ix WHERE n = 1"
      })
  void anIndexTheTableLacksIsAnErrorNamingIt(String sql) {
    assertThatThrownBy(() -> twin.oursExec(sql))
        .isInstanceOf(SQLException.class)
        .hasMessageContaining("no such index")
        .extracting(e -> ((SQLException) e).getSQLState())
        .isEqualTo("42704");
    assertThatThrownBy(() -> twin.sqliteExec(sql)).hasMessageContaining("no such index");
  }

  @ParameterizedTest
  @ValueSource(strings = {"SELECT 1 IN t", "SELECT 1 = ANY ones", "SELECT 1 > ALL ()"})
  void whatSqliteRefusesIsRefusedWithAState(String sql) {
    assertThatThrownBy(() -> twin.sqliteExec(sql)).isInstanceOf(SQLException.class);
    assertThatThrownBy(() -> twin.oursExec(sql))
        .isInstanceOf(SQLException.class)
        .extracting(e -> ((SQLException) e).getSQLState())
        .isNotNull();
  }
}
