package io.pluresdb.sql.parser;

import static org.assertj.core.api.Assertions.assertThat;

import io.pluresdb.sql.calcite.SqliteDialect;
import java.sql.SQLException;
import org.apache.calcite.sql.SqlNode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * SQLite's operators read by the grammar and written back for SQLite with SQLite's precedence:
 * ISNULL, NOTNULL, NOT NULL, IS [NOT] value, ==, the bitwise ones; BEGIN's kinds; EXPLAIN QUERY
 * PLAN.
 */
class SqliteOperatorsParserTest {

  @ParameterizedTest
  @CsvSource(
      delimiter = ';',
      quoteCharacter = '^',
      value = {
        "SELECT a FROM t WHERE a ISNULL; SELECT a FROM t WHERE a IS NULL",
        "SELECT a FROM t WHERE a NOTNULL AND b ISNULL; SELECT a FROM t WHERE a IS NOT NULL AND b IS NULL",
        "SELECT a NOT NULL FROM t WHERE a + 1 NOT NULL AND b ISNULL; SELECT a IS NOT NULL FROM t WHERE a + 1 IS NOT NULL AND b IS NULL",
        "SELECT a FROM t WHERE a IS NOT 5; SELECT a FROM t WHERE (a IS NOT 5)",
        "SELECT a FROM t WHERE a IS b + 1; SELECT a FROM t WHERE (a IS (b + 1))",
        "SELECT a FROM t WHERE a IS NOT DISTINCT FROM b; SELECT a FROM t WHERE (a IS b)",
        "SELECT a FROM t WHERE a IS NOT NULL; SELECT a FROM t WHERE a IS NOT NULL",
        "SELECT a FROM t WHERE a IS TRUE; SELECT a FROM t WHERE a IS TRUE",
        "SELECT a FROM t WHERE a == 2; SELECT a FROM t WHERE a = 2",
        "SELECT 1 + 2 | 4, 12 & 10, 1 << 3, 256 >> 2; SELECT 1 + 2 | 4, 12 & 10, 1 << 3, 256 >> 2",
        "SELECT (1 | 2) + 4, a | b = 3; SELECT (1 | 2) + 4, a | b = 3",
        "SELECT ~5, ~a + 1; SELECT ~ 5, ~ a + 1"
      })
  void sqliteOperatorsAreWrittenBackForSqlite(String sql, String sqlite) throws SQLException {
    SqlNode node = SqlParsers.parse(sql);
    assertThat(
            node.toSqlString(
                    c -> c.withDialect(SqliteDialect.INSTANCE).withQuoteAllIdentifiers(false))
                .getSql()
                .replace('\n', ' '))
        .isEqualToIgnoringCase(sqlite);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "BEGIN DEFERRED TRANSACTION| BEGIN",
        "BEGIN IMMEDIATE| BEGIN",
        "BEGIN EXCLUSIVE TRANSACTION| BEGIN",
        "EXPLAIN QUERY PLAN SELECT a FROM t| EXPLAIN QUERY PLAN SELECT a FROM t"
      })
  void sqliteStatementsParse(String sql, String canonical) throws SQLException {
    assertThat(SqlParsers.unparse(SqlParsers.parse(sql)))
        .isEqualTo(SqlParsers.unparse(SqlParsers.parse(canonical)));
  }
}
