package io.pluresdb.jdbc.compat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Sub-selects as SQLite has them: one in a select item is labelled by its text, parentheses and
 * all; IN against a sub-select (or a table) of other than one column is SQLite's error, with a
 * SQLState. Compared with raw SQLite on the same tables.
 */
@Timeout(120)
class SubselectTest {
  private Twin twin;

  @BeforeEach
  void open() throws SQLException {
    twin = Twin.open();
    twin.exec(
        "CREATE TABLE t (a INTEGER, b TEXT)",
        "CREATE TABLE u (a INTEGER)",
        "INSERT INTO t VALUES (1, 'x'), (2, 'y')",
        "INSERT INTO u VALUES (1), (3)");
  }

  @AfterEach
  void close() throws SQLException {
    twin.close();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "SELECT (SELECT 1)",
        "SELECT (SELECT max(a) FROM u), 2",
        "SELECT ( SELECT max(a) FROM u ) , (SELECT count(*) FROM t) AS n",
        "SELECT a, (SELECT b FROM t WHERE t.a = u.a) FROM u ORDER BY a",
        "SELECT ((SELECT min(a) FROM u) + 1) * 2",
        "SELECT (SELECT 1), (SELECT 1)"
      })
  void aSubselectItemIsLabelledByItsText(String sql) throws SQLException {
    twin.assertSameAnswer(sql);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "SELECT 1 IN t",
        "SELECT 1 NOT IN t",
        "SELECT 1 IN (SELECT a, b FROM t)",
        "SELECT a FROM u WHERE a IN (SELECT * FROM t)"
      })
  void inOfTwoColumnsIsSqlitesError(String sql) {
    assertThatThrownBy(() -> twin.sqlite(sql))
        .hasMessageContaining("sub-select returns 2 columns - expected 1");
    assertThatThrownBy(() -> twin.ours(sql))
        .isInstanceOfSatisfying(
            SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("42601"))
        .hasMessageContaining("sub-select returns 2 columns - expected 1");
  }
}
