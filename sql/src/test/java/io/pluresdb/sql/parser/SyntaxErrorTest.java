package io.pluresdb.sql.parser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.sql.SQLSyntaxErrorException;
import org.junit.jupiter.api.Test;

class SyntaxErrorTest {

  @Test
  void errorNamesLineColumnAndToken() {
    SQLSyntaxErrorException e =
        catchThrowableOfType(
            SQLSyntaxErrorException.class,
            () -> SqlParsers.parse("SELECT a,\n       b\n  FROM t\n WHERE a = 1 ORDR BY b"));
    assertThat(e.getSQLState()).isEqualTo("42601");
    assertThat(e.getMessage()).isEqualTo("syntax error at line 4, column 14: unexpected 'ORDR'");
    assertThat(e.getCause()).isNotNull();
  }

  @Test
  void errorAtAReservedWordNamesTheWord() {
    SQLSyntaxErrorException e =
        catchThrowableOfType(
            SQLSyntaxErrorException.class, () -> SqlParsers.parse("SELECT FROM t"));
    assertThat(e.getMessage()).startsWith("syntax error at line 1, column 8: unexpected 'FROM'");
  }

  @Test
  void errorAtTheEndSaysSo() {
    SQLSyntaxErrorException e =
        catchThrowableOfType(
            SQLSyntaxErrorException.class, () -> SqlParsers.parse("CREATE TABLE t (a INT"));
    assertThat(e.getMessage())
        .startsWith("syntax error at line 1, column 21: unexpected end of input");
  }

  @Test
  void shortListsOfExpectedTokensAreNamed() {
    SQLSyntaxErrorException e =
        catchThrowableOfType(
            SQLSyntaxErrorException.class, () -> SqlParsers.parse("DROP INDEX IF x"));
    assertThat(e.getMessage())
        .contains("unexpected 'x'")
        .contains("expected")
        .contains("\"EXISTS\"");
  }

  @Test
  void oneStatementIsExpected() {
    SQLSyntaxErrorException e =
        catchThrowableOfType(
            SQLSyntaxErrorException.class, () -> SqlParsers.parse("SELECT 1; SELECT 2;"));
    assertThat(e.getMessage()).contains("expected one statement, found 2");
    SQLSyntaxErrorException empty =
        catchThrowableOfType(SQLSyntaxErrorException.class, () -> SqlParsers.parse("  "));
    assertThat(empty.getMessage()).contains("no statement");
  }
}
