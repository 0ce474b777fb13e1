package io.pluresdb.sql.parser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pluresdb.sql.calcite.SqliteDialect;
import io.pluresdb.sql.parser.sqlite.SqliteIn;
import io.pluresdb.sql.parser.sqlite.SqliteIndexHints;
import java.sql.SQLException;
import java.sql.SQLSyntaxErrorException;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlDelete;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.SqlTableRef;
import org.apache.calcite.sql.SqlUpdate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * SQLite's right-hand sides of IN (an empty list, a table name) and its table hints (NOT INDEXED,
 * INDEXED BY), which the grammar reads into standard trees.
 */
class SqliteInAndIndexHintsParserTest {

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "SELECT a FROM t WHERE a IN u| SELECT a FROM t WHERE a IN (SELECT * FROM u)",
        "SELECT a FROM t WHERE a NOT IN main.u| SELECT a FROM t WHERE a NOT IN (SELECT * FROM main.u)",
        "SELECT 1 IN u, 'x' NOT IN [u]| SELECT 1 IN (SELECT * FROM u), 'x' NOT IN (SELECT * FROM \"u\")",
        "SELECT indexed FROM t indexed WHERE NOT indexed"
            + "| SELECT indexed FROM t AS indexed WHERE NOT (indexed)"
      })
  void sqliteFormsReadAsTheStandardTree(String sqlite, String standard) throws SQLException {
    assertThat(SqlParsers.unparse(SqlParsers.parse(sqlite)))
        .isEqualTo(SqlParsers.unparse(SqlParsers.parse(standard)));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "SELECT a FROM t NOT INDEXED| SELECT a FROM t NOT INDEXED",
        "SELECT a FROM t AS x not indexed WHERE x.a = 1| SELECT a FROM t AS x NOT INDEXED WHERE x.a = 1",
        "SELECT a FROM t x INDEXED BY t_a JOIN u NOT INDEXED ON x.a = u.a"
            + "| SELECT a FROM t AS x INDEXED BY t_a INNER JOIN u NOT INDEXED ON x.a = u.a",
        "SELECT a FROM t INDEXED BY \"T a\"| SELECT a FROM t INDEXED BY \"T a\""
      })
  void tableHintsAreWrittenBackForSqliteAfterTheAlias(String sql, String sqlite)
      throws SQLException {
    assertThat(
            SqlParsers.parse(sql)
                .toSqlString(
                    c -> c.withDialect(SqliteDialect.INSTANCE).withQuoteAllIdentifiers(false))
                .getSql()
                .replaceAll("\\s+", " "))
        .isEqualTo(sqlite);
  }

  @Test
  void updateAndDeleteTakeTheHints() throws SQLException {
    SqlUpdate update = (SqlUpdate) SqlParsers.parse("UPDATE t AS x NOT INDEXED SET a = 1");
    assertThat(update.getTargetTable()).isInstanceOf(SqlTableRef.class);
    assertThat(update.getAlias()).hasToString("x");
    SqlDelete delete = (SqlDelete) SqlParsers.parse("DELETE FROM t INDEXED BY t_a WHERE b = 2");
    assertThat(SqliteIndexHints.index((SqlTableRef) delete.getTargetTable())).isEqualTo("t_a");
  }

  @Test
  void anEmptyListIsFalseForInAndTrueForNotIn() throws SQLException {
    SqlSelect select = (SqlSelect) SqlParsers.parse("SELECT NULL IN (), a NOT IN ( ) FROM t");
    SqlNode in = SqliteIn.emptyListValue(select.getSelectList().get(0));
    SqlNode notIn = SqliteIn.emptyListValue(select.getSelectList().get(1));
    assertThat(in).isInstanceOf(SqlLiteral.class);
    assertThat(((SqlLiteral) in).booleanValue()).isFalse();
    assertThat(notIn).isInstanceOf(SqlLiteral.class);
    assertThat(((SqlLiteral) notIn).booleanValue()).isTrue();
    assertThat(SqliteIn.emptyListValue(SqlParsers.parse("SELECT 1 IN (2)"))).isNull();
  }

  @Test
  void indexedByIsKeptOnTheTableWithTheIndexName() throws SQLException {
    SqlSelect select =
        (SqlSelect) SqlParsers.parse("SELECT a FROM t AS x INDEXED BY t_a WHERE a > 1");
    SqlNode table = ((SqlCall) select.getFrom()).operand(0);
    assertThat(table).isInstanceOf(SqlTableRef.class);
    assertThat(SqliteIndexHints.index((SqlTableRef) table)).isEqualTo("t_a");

    SqlUpdate update = (SqlUpdate) SqlParsers.parse("UPDATE t INDEXED BY t_a SET a = 1");
    assertThat(SqliteIndexHints.index((SqlTableRef) update.getTargetTable())).isEqualTo("t_a");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "SELECT a FROM t WHERE a = ANY u",
        "SELECT a FROM t WHERE a > ALL ()",
        "SELECT a FROM (SELECT a FROM t) INDEXED BY i",
        "SELECT a FROM (SELECT a FROM t) AS s NOT INDEXED",
        "SELECT a FROM t INDEXED BY"
      })
  void sqliteFormsElsewhereAreSyntaxErrors(String sql) {
    assertThatThrownBy(() -> SqlParsers.parse(sql))
        .isInstanceOf(SQLSyntaxErrorException.class)
        .extracting(e -> ((SQLException) e).getSQLState())
        .isEqualTo("42601");
  }
}
