package io.pluresdb.engine.trigger;

import io.pluresdb.crdt.error.SqlState;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;

/**
 * {@code RAISE(FAIL, 'message')}, or a constraint violated by a row of an {@code INSERT OR FAIL} or
 * {@code UPDATE OR FAIL}: the statement stops with 23000 (the violation's own SQLState) but, as in
 * SQLite, keeps what it changed before the failing row (the session releases the statement's
 * savepoint instead of rolling back to it, and an auto-commit statement commits those changes).
 */
public final class TriggerFail extends SQLIntegrityConstraintViolationException {
  private static final long serialVersionUID = 1L;

  TriggerFail(String message) {
    super(message, SqlState.INTEGRITY_CONSTRAINT_VIOLATION.code());
  }

  private TriggerFail(SQLException violation) {
    super(violation.getMessage(), violation.getSQLState(), violation);
  }

  /** The violation as the failure of an {@code OR FAIL} statement, which keeps earlier rows. */
  public static TriggerFail keeping(SQLException violation) {
    return new TriggerFail(violation);
  }

  /** Whether {@code e} (or what it wraps) is a trigger's RAISE(FAIL). */
  public static boolean in(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof TriggerFail) {
        return true;
      }
    }
    return false;
  }
}
