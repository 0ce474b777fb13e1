package io.pluresdb.engine.processes;

import io.pluresdb.crdt.error.Errors;
import io.pluresdb.crdt.error.SqlState;
import java.io.IOException;
import java.sql.SQLException;

/**
 * What a follower's statement reports when the connection to the owning process breaks under it,
 * said as precisely as the follower can know it: an open transaction is lost with the owner
 * (40000); a commit, or an auto-commit statement that reached the owner, may or may not have
 * committed before the owner ended (08007, transaction resolution unknown); anything else did not
 * run (08006).
 *
 * <p>Stateless.
 */
final class OwnerLoss {
  private OwnerLoss() {}

  /**
   * The failure of request {@code op} (a {@link ForwardedSession} constant, 0 for none) whose
   * connection broke with {@code cause}.
   *
   * @param sent whether the whole request was written to the owner before the connection broke
   * @param inTransaction whether the owner's session held an open transaction before the request
   * @param autoCommit whether the owner's session commits each statement
   */
  static SQLException of(
      String database,
      int op,
      boolean sent,
      boolean inTransaction,
      boolean autoCommit,
      IOException cause) {
    String owner = "the process that owned database " + database;
    if (op == ForwardedSession.COMMIT && sent) {
      return Errors.of(
          SqlState.TRANSACTION_RESOLUTION_UNKNOWN,
          owner
              + " ended while committing this transaction, before it answered: the transaction"
              + " may or may not have committed ("
              + cause.getMessage()
              + ")",
          cause);
    }
    boolean statement = op == ForwardedSession.EXECUTE || op == ForwardedSession.BATCH;
    if (inTransaction || (statement && sent && !autoCommit)) {
      return Errors.of(
          SqlState.TRANSACTION_ROLLBACK,
          owner
              + " ended during this transaction, which was rolled back with it ("
              + cause.getMessage()
              + ")",
          cause);
    }
    if (statement && sent) {
      return Errors.of(
          SqlState.TRANSACTION_RESOLUTION_UNKNOWN,
          owner
              + " ended before answering this statement, which it received: the statement may or"
              + " may not have committed ("
              + cause.getMessage()
              + ")",
          cause);
    }
    return Errors.of(
        SqlState.CONNECTION_FAILURE,
        owner
            + " went away"
            + (statement ? " before this statement reached it" : "")
            + ": "
            + cause.getMessage(),
        cause);
  }
}
