package io.pluresdb.crdt.error;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.SQLSyntaxErrorException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/** Every SQLite result code, primary or extended, maps to a SQLState; the usual ones precisely. */
class SqliteStatesTest {

  @ParameterizedTest
  @EnumSource(SQLiteErrorCode.class)
  void everySqliteResultCodeHasAState(SQLiteErrorCode code) {
    SQLException e = SqliteStates.withState(new SQLiteException("failed", code));
    assertThat(e.getSQLState()).hasSize(5);
    assertThat(e.getCause()).isInstanceOf(SQLiteException.class);
  }

  @ParameterizedTest
  @CsvSource({
    "SQLITE_TOOBIG, 54000",
    "SQLITE_CONSTRAINT_PRIMARYKEY, 23505",
    "SQLITE_CONSTRAINT_UNIQUE, 23505",
    "SQLITE_CONSTRAINT_NOTNULL, 23502",
    "SQLITE_CONSTRAINT_CHECK, 23514",
    "SQLITE_CONSTRAINT_FOREIGNKEY, 23503",
    "SQLITE_CONSTRAINT_TRIGGER, 23000",
    "SQLITE_BUSY, 55P03",
    "SQLITE_BUSY_SNAPSHOT, 55P03",
    "SQLITE_LOCKED, 55P03",
    "SQLITE_READONLY, 25006",
    "SQLITE_READONLY_DBMOVED, 25006",
    "SQLITE_RANGE, 07009",
    "SQLITE_NOMEM, 53200",
    "SQLITE_FULL, 53100",
    "SQLITE_IOERR, 58030",
    "SQLITE_IOERR_SHORT_READ, 58030",
    "SQLITE_CANTOPEN, 58030",
    "SQLITE_CORRUPT, XX001",
    "SQLITE_NOTADB, XX001",
    "SQLITE_INTERRUPT, 57014",
    "SQLITE_MISMATCH, 42804",
    "SQLITE_AUTH, 42501",
  })
  void resultCodesMapToTheirStandardStates(SQLiteErrorCode code, String state) {
    assertThat(SqliteStates.withState(new SQLiteException("failed", code)).getSQLState())
        .isEqualTo(state);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "near \"SELEC\": syntax error | 42601",
        "Expression tree is too large (maximum depth 1000) | 54001",
        "too many terms in compound SELECT | 54000",
        "too many columns in result set | 54011",
        "no such table: album | 42P01",
        "no such column: year | 42703",
        "no such function: frob | 42883",
        "no such savepoint: s1 | 3B001",
        "cannot commit - no transaction is active | 25000",
        "something else | HY000",
      })
  void sqliteErrorIsToldApartByItsMessage(String message, String state) {
    SQLException e =
        SqliteStates.withState(new SQLiteException(message, SQLiteErrorCode.SQLITE_ERROR));
    assertThat(e.getSQLState()).isEqualTo(state);
  }

  @ParameterizedTest
  @EnumSource(
      value = SQLiteErrorCode.class,
      names = {"SQLITE_CONSTRAINT_UNIQUE", "SQLITE_ERROR"})
  void theJdbcSubclassFollowsTheStateClass(SQLiteErrorCode code) {
    SQLException e = SqliteStates.withState(new SQLiteException("near \"x\": syntax error", code));
    assertThat((Throwable) e)
        .isInstanceOf(
            code == SQLiteErrorCode.SQLITE_ERROR
                ? SQLSyntaxErrorException.class
                : SQLIntegrityConstraintViolationException.class);
  }

  @ParameterizedTest
  @EnumSource(value = SqlState.class)
  void aFailureThatAlreadyHasAStateKeepsIt(SqlState state) {
    SQLException e = Errors.of(state, "x");
    assertThat((Throwable) SqliteStates.withState(e)).isSameAs(e);
  }
}
