package io.pluresdb.driver.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.sql.BatchUpdateException;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/** What crosses from the engine into the driver leaves as a SQLException with a SQLState. */
class BoundaryTest {
  private static SQLException thrownBy(Boundary.Action action) {
    Throwable t = catchThrowable(() -> Boundary.guard(() -> "query 'SELECT 1'", action));
    assertThat(t).isInstanceOf(SQLException.class);
    return (SQLException) t;
  }

  @Test
  void anAssertionErrorFromThePlannerIsAnInternalErrorNamingTheStatement() {
    SQLException e =
        thrownBy(
            () -> {
              throw new AssertionError("Relational expression rel#12 has calling-convention NONE");
            });
    assertThat(e.getSQLState()).isEqualTo("XX000");
    assertThat(e.getMessage()).contains("AssertionError").contains("query 'SELECT 1'");
    assertThat(e.getCause()).isInstanceOf(AssertionError.class);
  }

  @Test
  void aStackOverflowIsAStatementTooComplex() {
    SQLException e =
        thrownBy(
            () -> {
              throw new StackOverflowError();
            });
    assertThat(e.getSQLState()).isEqualTo("54001");
  }

  @Test
  void aRuntimeExceptionIsAnInternalError() {
    SQLException e =
        thrownBy(
            () -> {
              throw new IllegalStateException("no");
            });
    assertThat(e.getSQLState()).isEqualTo("XX000");
  }

  @Test
  void aStatelessSqliteFailureTakesTheStateOfItsResultCode() {
    SQLException e =
        thrownBy(
            () -> {
              throw new SQLiteException("disk full", SQLiteErrorCode.SQLITE_FULL);
            });
    assertThat(e.getSQLState()).isEqualTo("53100");
  }

  @Test
  void aBatchFailureKeepsItsTypeAndCountsAndTakesItsCausesState() {
    SQLiteException cause = new SQLiteException("busy", SQLiteErrorCode.SQLITE_BUSY);
    SQLException e =
        thrownBy(
            () -> {
              throw new BatchUpdateException("item 2 failed", null, 0, new long[] {1}, cause);
            });
    assertThat((Throwable) e).isInstanceOf(BatchUpdateException.class);
    assertThat(e.getSQLState()).isEqualTo("55P03");
    assertThat(((BatchUpdateException) e).getLargeUpdateCounts()).containsExactly(1L);
  }
}
