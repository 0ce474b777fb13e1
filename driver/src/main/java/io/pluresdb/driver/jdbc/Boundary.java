package io.pluresdb.driver.jdbc;

import io.pluresdb.crdt.error.Errors;
import io.pluresdb.crdt.error.SqlState;
import io.pluresdb.crdt.error.SqliteStates;
import java.sql.BatchUpdateException;
import java.sql.SQLException;
import java.util.function.Supplier;

/**
 * The one place where failures cross from the engine into the driver: every SQLException leaves
 * with a SQLState (SQLite's own, which carry none, through {@link SqliteStates}), and no Java
 * {@link Error} or stray runtime exception escapes. A {@link StackOverflowError} is a statement
 * nested too deeply for the planner (54001); an {@link AssertionError} or other failure from
 * Calcite is an internal error (XX000) naming the statement that caused it.
 *
 * <p>Stateless and thread-safe.
 */
public final class Boundary {
  private Boundary() {}

  /** A call into the engine. */
  @FunctionalInterface
  public interface Call<T> {
    T run() throws SQLException;
  }

  /** A call into the engine that returns nothing. */
  @FunctionalInterface
  public interface Action {
    void run() throws SQLException;
  }

  /**
   * Runs a call, translating what it throws; {@code what} names the statement or operation (made
   * only on failure, since naming a long statement costs its length).
   */
  public static <T> T guard(Supplier<String> what, Call<T> call) throws SQLException {
    try {
      return call.run();
    } catch (SQLException e) {
      throw withState(e);
    } catch (StackOverflowError e) {
      throw Errors.of(
          SqlState.STATEMENT_TOO_COMPLEX,
          "statement too complex (nested too deeply to plan): " + what.get(),
          e);
    } catch (RuntimeException | Error e) {
      if (e instanceof VirtualMachineError && !(e instanceof OutOfMemoryError)) {
        throw e; // the JVM itself is failing: nothing a statement can report
      }
      SqlState state =
          e instanceof OutOfMemoryError ? SqlState.OUT_OF_MEMORY : SqlState.INTERNAL_ERROR;
      throw Errors.of(
          state,
          "internal error (" + e.getClass().getSimpleName() + ") in " + what.get() + ": " + e,
          e);
    }
  }

  public static void guard(Supplier<String> what, Action action) throws SQLException {
    guard(
        what,
        () -> {
          action.run();
          return null;
        });
  }

  /** {@code e} with a SQLState; a batch failure keeps its type and takes its cause's state. */
  static SQLException withState(SQLException e) {
    if (e.getSQLState() != null) {
      return e;
    }
    if (e instanceof BatchUpdateException b) {
      SQLException cause =
          b.getCause() instanceof SQLException c ? withState(c) : SqliteStates.withState(b);
      return new BatchUpdateException(
          b.getMessage(), cause.getSQLState(), b.getErrorCode(), b.getLargeUpdateCounts(), cause);
    }
    return SqliteStates.withState(e);
  }

  /** The statement as an error message names it: its kind and its start. */
  static String statement(String sql) {
    StringBuilder s = new StringBuilder();
    for (char ch : sql.strip().toCharArray()) {
      boolean space = Character.isWhitespace(ch);
      if (!space || (s.length() > 0 && s.charAt(s.length() - 1) != ' ')) {
        s.append(space ? ' ' : ch);
      }
    }
    return "statement '" + (s.length() > 80 ? s.substring(0, 80) + "…" : s) + "'";
  }
}
