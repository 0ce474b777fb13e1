package io.pluresdb.driver.jdbc;

import io.pluresdb.engine.api.Session;
import java.sql.SQLException;

/**
 * Runs the items of a batch in one transaction when the connection is in auto-commit mode, then
 * commits: one commit per batch instead of one per item, which is what makes batches fast. The
 * outcome is the one per-item commits would give: a failing item leaves no trace (the session
 * undoes a failed statement) and the items before it are committed when the scope closes.
 *
 * <p>Not thread-safe: used by the thread executing the batch.
 */
final class BatchScope implements AutoCloseable {
  private final Session session;
  private final boolean wrapped;

  BatchScope(Session session) throws SQLException {
    this.session = session;
    this.wrapped = session.autoCommit();
    if (wrapped) {
      session.setAutoCommit(false);
    }
  }

  /**
   * Commits what the batch did (when this scope opened the transaction) and restores auto-commit.
   */
  @Override
  public void close() throws SQLException {
    if (wrapped) {
      session.setAutoCommit(true); // commits, as JDBC defines switching auto-commit on
    }
  }
}
