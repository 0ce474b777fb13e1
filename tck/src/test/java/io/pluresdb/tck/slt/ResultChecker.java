package io.pluresdb.tck.slt;

import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import net.hydromatic.sqllogictest.OptionsParser;
import net.hydromatic.sqllogictest.SqlTestQuery;
import net.hydromatic.sqllogictest.TestStatistics;
import net.hydromatic.sqllogictest.executors.JdbcExecutor;

/**
 * Compares a result set with a query's expected output using the corpus library's own rules (value
 * rendering per column type, sort modes, MD5 hashing of large results), so that this harness cannot
 * drift from the reference runner.
 *
 * <p>Only {@link JdbcExecutor#validate} is reused; the library's executor itself drops tables with
 * {@code CASCADE} and stops a file at the first failing statement, neither of which suits a run
 * that must report every failing record. Not thread-safe: one instance per script run.
 */
final class ResultChecker extends JdbcExecutor {
  ResultChecker() {
    super(new OptionsParser(false, System.out, System.err).getOptions(), "", "", "");
  }

  /** Returns the reason the result differs from the expectation, or empty when it matches. */
  Optional<String> mismatch(SqlTestQuery query, ResultSet rs)
      throws SQLException, NoSuchAlgorithmException {
    Capture capture = new Capture();
    validate(query, rs, query.outputDescription, capture);
    return Optional.ofNullable(capture.error);
  }

  /** Statistics that remember the failure reason, which the library keeps package-private. */
  private static final class Capture extends TestStatistics {
    private String error;

    Capture() {
      super(false, 0);
    }

    @Override
    public boolean addFailure(FailedTestDescription failure) {
      error = failure.error;
      return super.addFailure(failure);
    }
  }
}
