package io.pluresdb.tck.slt;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import net.hydromatic.sqllogictest.ISqlTestOperation;
import net.hydromatic.sqllogictest.SltSqlStatement;
import net.hydromatic.sqllogictest.SqlTestQuery;

/**
 * Runs every record of a script through one JDBC connection and collects each failure rather than
 * stopping at the first, so that a known-failure list can name them all.
 *
 * <p>A failing {@code statement ok} is recorded and the run continues: later queries may fail
 * because of it, and they are then reported as well.
 */
final class SltRunner {
  private SltRunner() {}

  static SltOutcome run(SltScript script, Connection connection) {
    long start = System.nanoTime();
    ResultChecker checker = new ResultChecker();
    List<SltFailure> failures = new ArrayList<>();
    for (ISqlTestOperation op : script.operations()) {
      int line = script.lineOf(op);
      if (op instanceof SltSqlStatement) {
        statement((SltSqlStatement) op, line, connection).ifPresent(failures::add);
      } else if (op instanceof SqlTestQuery) {
        query((SqlTestQuery) op, line, connection, checker).ifPresent(failures::add);
      } else {
        throw new IllegalStateException(
            "unknown record kind " + op.getClass().getName() + " at " + script.name() + ":" + line);
      }
    }
    return new SltOutcome(
        script.name(),
        script.operations().size(),
        failures,
        Duration.ofNanos(System.nanoTime() - start));
  }

  private static Optional<SltFailure> statement(SltSqlStatement st, int line, Connection c) {
    try (Statement s = c.createStatement()) {
      s.execute(st.statement);
      return st.shouldPass
          ? Optional.empty()
          : Optional.of(
              new SltFailure(line, "statement expected to fail but succeeded", st.statement));
    } catch (SQLException e) {
      return st.shouldPass
          ? Optional.of(new SltFailure(line, describe(e), st.statement))
          : Optional.empty();
    }
  }

  private static Optional<SltFailure> query(
      SqlTestQuery q, int line, Connection c, ResultChecker checker) {
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(q.getQuery())) {
      return checker.mismatch(q, rs).map(reason -> new SltFailure(line, reason, q.getQuery()));
    } catch (SQLException e) {
      return Optional.of(new SltFailure(line, describe(e), q.getQuery()));
    } catch (RuntimeException | java.security.NoSuchAlgorithmException e) {
      // A driver bug (e.g. an unchecked exception escaping a getter) is a failure of this
      // record, not of the harness; keep going so the rest of the file is still measured.
      return Optional.of(new SltFailure(line, e.toString(), q.getQuery()));
    }
  }

  private static String describe(SQLException e) {
    String message = String.valueOf(e.getMessage()).replace('\n', ' ');
    if (message.length() > 160) {
      message = message.substring(0, 160) + "…";
    }
    return "SQLState " + e.getSQLState() + ": " + message;
  }
}
