package io.pluresdb.engine.trigger;

import io.pluresdb.crdt.error.SqlState;
import java.sql.SQLTransactionRollbackException;

/**
 * {@code RAISE(ROLLBACK, 'message')}: the statement fails and, as in SQLite, the whole transaction
 * it ran in is rolled back (the session ends its transaction when it sees this).
 */
public final class TriggerRollback extends SQLTransactionRollbackException {
  private static final long serialVersionUID = 1L;

  TriggerRollback(String message) {
    super(message, SqlState.TRANSACTION_ROLLBACK.code());
  }

  /** Whether {@code e} (or what it wraps) is a trigger's RAISE(ROLLBACK). */
  public static boolean in(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof TriggerRollback) {
        return true;
      }
    }
    return false;
  }
}
