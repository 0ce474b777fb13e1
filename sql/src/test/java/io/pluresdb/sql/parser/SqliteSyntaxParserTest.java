package io.pluresdb.sql.parser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pluresdb.sql.calcite.SqliteDialect;
import java.sql.SQLException;
import java.sql.SQLSyntaxErrorException;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlSelect;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** SQLite's own syntax read by the grammar: quoted names, GLOB, COLLATE, JSON arrows, trim. */
class SqliteSyntaxParserTest {

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '^',
      value = {
        "SELECT [name] FROM [t]| SELECT \"name\" FROM \"t\"",
        "SELECT `name` FROM `t`| SELECT \"name\" FROM \"t\"",
        "SELECT [t].[Mixed Case], `t`.`a``b` FROM t| SELECT \"t\".\"Mixed Case\", \"t\".\"a`b\" FROM t",
        "SELECT [a\"b] FROM t| SELECT \"a\"\"b\" FROM t",
        "CREATE TABLE [my t] (`my c` INTEGER)| CREATE TABLE \"my t\" (\"my c\" INTEGER)",
        "SELECT '[0.1, 0.2]', '`x`' FROM t -- [c]| SELECT '[0.1, 0.2]', '`x`' FROM t",
        "SELECT a FROM t /* [x] `y` */ WHERE b = '[1]'| SELECT a FROM t WHERE b = '[1]'",
        "SELECT ln, trim, row, similar FROM ln| SELECT ln, trim, row, similar FROM ln",
        "SELECT a FROM t WHERE a GLOB 'x*' OR a NOT GLOB '[ab]*'"
            + "| SELECT a FROM t WHERE a GLOB 'x*' OR a NOT GLOB '[ab]*'",
        "SELECT a FROM t WHERE a = 'A' COLLATE nocase ORDER BY a COLLATE RTRIM DESC"
            + "| SELECT a FROM t WHERE a = 'A' COLLATE NOCASE ORDER BY a COLLATE RTRIM DESC",
        "SELECT j->>'$.x', j->'$.a', 2 * j -> 0 FROM t| SELECT j ->> '$.x', j -> '$.a', 2 * j -> 0 FROM t",
        "SELECT DATE '2024-01-01', COUNT(*), POSITION(a IN b), CAST(x AS INTEGER) FROM t"
            + "| SELECT DATE '2024-01-01', COUNT(*), POSITION(a IN b), CAST(x AS INTEGER) FROM t",
        "SELECT a FROM t WHERE a IS 5 AND b IS NOT c + 1"
            + "| SELECT a FROM t WHERE a IS NOT DISTINCT FROM 5 AND b IS DISTINCT FROM c + 1",
        "SELECT a IS NULL, a IS NOT NULL, a IS TRUE, a IS NOT FALSE, a IS UNKNOWN FROM t"
            + "| SELECT a IS NULL, a IS NOT NULL, a IS TRUE, a IS NOT FALSE, a IS UNKNOWN FROM t",
        "SELECT a IS DISTINCT FROM b, a IS NOT DISTINCT FROM b FROM t"
            + "| SELECT a IS DISTINCT FROM b, a IS NOT DISTINCT FROM b FROM t"
      })
  void sqliteSyntaxReadsAsTheStandardTree(String sqlite, String canonical) throws SQLException {
    assertThat(SqlParsers.unparse(SqlParsers.parse(sqlite)))
        .isEqualTo(SqlParsers.unparse(SqlParsers.parse(canonical)));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '^',
      value = {
        "SELECT trim(a, 'x') FROM t| SELECT trim(a, 'x') FROM t",
        "SELECT trim(a) FROM t| SELECT trim(a, ' ') FROM t",
        "SELECT TRIM(BOTH 'x' FROM a) FROM t| SELECT trim(a, 'x') FROM t",
        "SELECT TRIM(LEADING 'x' FROM a) FROM t| SELECT ltrim(a, 'x') FROM t",
        "SELECT a FROM t WHERE a GLOB 'x*'| SELECT a FROM t WHERE a GLOB 'x*'",
        "SELECT a FROM t WHERE NOT a NOT GLOB 'x*'| SELECT a FROM t WHERE NOT a NOT GLOB 'x*'",
        "SELECT a FROM t ORDER BY a COLLATE NOCASE| SELECT a FROM t ORDER BY a COLLATE NOCASE",
        "SELECT j ->> '$.x' FROM t| SELECT j ->> '$.x' FROM t",
        "SELECT (a + b) COLLATE NOCASE FROM t| SELECT (a + b) COLLATE NOCASE FROM t",
        "SELECT (3 + a) % 3 FROM t| SELECT ((3 + a) % 3) FROM t",
        "SELECT a IS (b = 1) FROM t| SELECT (a IS (b = 1)) FROM t"
      })
  void sqliteSyntaxIsWrittenBackForSqlite(String sql, String sqlite) throws SQLException {
    SqlNode node = SqlParsers.parse(sql);
    assertThat(
            node.toSqlString(
                    c -> c.withDialect(SqliteDialect.INSTANCE).withQuoteAllIdentifiers(false))
                .getSql()
                .replace('\n', ' '))
        .isEqualToIgnoringCase(sqlite);
  }

  @Test
  void unknownCollationIsASyntaxError() {
    assertThatThrownBy(() -> SqlParsers.parse("SELECT a FROM t ORDER BY a COLLATE french"))
        .isInstanceOf(SQLSyntaxErrorException.class)
        .hasMessageContaining("no such collation sequence: french");
  }

  @Test
  void errorsPointAtTheUsersTextAfterBracketNames() {
    assertThatThrownBy(() -> SqlParsers.parse("SELECT [a b], `c` FROM [t] WHERE WHERE"))
        .isInstanceOf(SQLSyntaxErrorException.class)
        .hasMessageContaining("line 1, column 34");
  }

  @Test
  void bracketNamesKeepTheirPositions() throws SQLException {
    SqlSelect select = (SqlSelect) SqlParsers.parse("SELECT x, [Some Name] FROM t");
    SqlNode item = select.getSelectList().get(1);
    assertThat(item.getParserPosition().getColumnNum()).isEqualTo(11);
    assertThat(item.getParserPosition().getEndColumnNum()).isEqualTo(21);
    assertThat(item.getParserPosition().isQuoted()).isTrue();
  }
}
