package io.pluresdb.jdbc.compat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import java.sql.SQLSyntaxErrorException;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * SQLite's lexical and expression syntax through the driver, each answer compared with raw SQLite
 * on the same table and rows: quoted names, GLOB, COLLATE, the JSON operators, trim, column labels
 * and common table expressions.
 */
@Timeout(120)
class SqliteSyntaxTest {
  private static final String[] SETUP = {
    "CREATE TABLE t (id BIGINT PRIMARY KEY, name VARCHAR(50), j TEXT)",
    "INSERT INTO t (id, name, j) VALUES (1, 'apple', '{\"x\":1,\"a\":[10,20]}'),"
        + " (2, 'Banana', '{\"x\":\"two\",\"a\":[]}'), (3, 'cherry', NULL), (4, 'avocado', '{}')",
    "CREATE TABLE t2 (id BIGINT PRIMARY KEY, name VARCHAR(50))"
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
        "SELECT [name] FROM [t] ORDER BY [id]",
        "SELECT `name`, [t].[id], \"t\".`j` FROM `t` ORDER BY `t`.id",
        "SELECT name FROM t WHERE name GLOB 'a*' ORDER BY id",
        "SELECT name FROM t WHERE name NOT GLOB '[ab]*' ORDER BY id",
        "SELECT count(*) FROM t WHERE name GLOB '*an*' OR name GLOB 'A*'",
        "SELECT name FROM t WHERE name = 'BANANA' COLLATE NOCASE",
        "SELECT name FROM t WHERE name = 'BANANA' COLLATE BINARY",
        "SELECT name FROM t ORDER BY name COLLATE NOCASE DESC",
        "SELECT name FROM t ORDER BY name COLLATE BINARY",
        "SELECT name FROM t ORDER BY name COLLATE RTRIM, id",
        "SELECT j ->> '$.x', j -> '$.a', j -> '$.x' FROM t ORDER BY id",
        "SELECT id FROM t WHERE j ->> '$.x' = 1",
        "SELECT j ->> '$.a[1]' * 2 FROM t WHERE j IS NOT NULL ORDER BY id",
        "SELECT trim('xxaxx', 'x'), trim('  b  '), trim(name, 'ae') FROM t ORDER BY id",
        "SELECT count(*) AS Spent FROM t",
        "SELECT count(*), 1+1, name || 'x', count(*) AS \"Total\" FROM t GROUP BY name ORDER BY name",
        "SELECT Name, T.ID FROM t ORDER BY id",
        "SELECT a.id, b.id FROM t a JOIN t b ON a.id = b.id ORDER BY 1",
        "SELECT * FROM t ORDER BY id",
        "SELECT upper(name), length(name) FROM t ORDER BY id",
        "WITH c AS (SELECT id FROM t) SELECT id FROM c ORDER BY id LIMIT 1",
        "WITH c AS (SELECT id, name FROM t WHERE id > 1) SELECT name FROM c ORDER BY id DESC",
        "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x+1 FROM c WHERE x<5)"
            + " SELECT x FROM c ORDER BY x DESC LIMIT 2",
        "SELECT name FROM t UNION SELECT 'z' ORDER BY 1"
      })
  void queryAnswersAndLabelsAsSqlite(String sql) throws SQLException {
    twin.assertSameAnswer(sql);
  }

  /**
   * An alias of a table's column is the label as in SQLite; the name stays the column's, as JDBC
   * defines getColumnName (SQLite gives the alias for both).
   */
  @ParameterizedTest
  @ValueSource(
      strings = {
        "SELECT [t].[name] AS [Label], `id` AS `Other` FROM t WHERE [name] <> '[x]' ORDER BY 1",
        "SELECT name AS \"Mixed\", id AS Ident FROM t ORDER BY name"
      })
  void aliasesOfColumnsAreLabelsAsSqliteAndNamesAsJdbc(String sql) throws SQLException {
    Twin.Answer expected = twin.sqlite(sql);
    Twin.Answer actual = twin.ours(sql);
    assertThat(actual.rows()).isEqualTo(expected.rows());
    assertThat(actual.labels()).isEqualTo(expected.labels());
    assertThat(actual.names()).containsExactly("name", "id");
  }

  @Test
  void labelsKeepTheCaseWritten() throws SQLException {
    Twin.Answer ours =
        twin.ours("SELECT count(*) AS Spent, name AS \"Mixed\" FROM t GROUP BY name");
    assertThat(ours.labels()).containsExactly("Spent", "Mixed");
  }

  @Test
  void standardTrimStillWorks() throws SQLException {
    assertThat(
            twin.ours(
                    "SELECT TRIM(BOTH 'x' FROM 'xxaxx'), TRIM(LEADING 'x' FROM 'xxa'),"
                        + " TRIM(TRAILING FROM 'a  '), trim(' b ')")
                .rows())
        .containsExactly(List.of("a", "a", "a", "b"));
  }

  @Test
  void cteFeedsInsertSelect() throws SQLException {
    twin.exec(
        "INSERT INTO t2 (id, name) WITH c AS (SELECT id, name FROM t WHERE id < 3)"
            + " SELECT id, name FROM c");
    twin.assertSameAnswer("SELECT id, name FROM t2 ORDER BY id");
    assertThat(twin.ours("SELECT count(*) FROM t2").rows()).containsExactly(List.of("2"));
  }

  @Test
  void unknownCollationIsASyntaxError() {
    assertThatThrownBy(() -> twin.ours("SELECT name FROM t ORDER BY name COLLATE FRENCH"))
        .isInstanceOf(SQLSyntaxErrorException.class)
        .hasMessageContaining("FRENCH");
  }

  @Test
  void bracketNamesWorkInDdlAndDml() throws SQLException {
    twin.exec(
        "CREATE TABLE [order items] ([item id] BIGINT PRIMARY KEY, `qty` INTEGER)",
        "INSERT INTO [order items] ([item id], `qty`) VALUES (1, 5), (2, 7)",
        "UPDATE `order items` SET [qty] = [qty] + 1 WHERE `item id` = 2",
        "DELETE FROM [order items] WHERE [item id] = 1");
    twin.assertSameAnswer("SELECT [item id], qty FROM \"order items\" ORDER BY 1");
  }

  @Test
  void syntaxErrorsPointAtTheUsersText() {
    assertThatThrownBy(() -> twin.ours("SELECT [name] FROM [t] WHERE WHERE"))
        .isInstanceOf(SQLSyntaxErrorException.class)
        .hasMessageContaining("line 1, column 30");
  }
}
