package io.pluresdb.driver.jdbc;

import io.pluresdb.crdt.error.Errors;
import io.pluresdb.crdt.error.SqlState;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLWarning;

/**
 * Transaction isolation: one writer at a time over SQLite WAL snapshots gives SERIALIZABLE, and
 * that is the level every connection runs at. A request for a weaker level is honoured by the
 * stronger one (JDBC allows the substitution) and noted as a warning; NONE cannot be honoured.
 */
final class Isolation {
  private Isolation() {}

  /** Checks a requested level; returns the connection's warnings, extended if it was raised. */
  static SQLWarning set(int level, SQLWarning warnings) throws SQLException {
    switch (level) {
      case Connection.TRANSACTION_SERIALIZABLE:
        return warnings;
      case Connection.TRANSACTION_READ_UNCOMMITTED:
      case Connection.TRANSACTION_READ_COMMITTED:
      case Connection.TRANSACTION_REPEATABLE_READ:
        SQLWarning w =
            new SQLWarning(
                "isolation level "
                    + level
                    + " was raised to TRANSACTION_SERIALIZABLE, the level PluresDB runs at");
        if (warnings == null) {
          return w;
        }
        warnings.setNextWarning(w);
        return warnings;
      case Connection.TRANSACTION_NONE:
        throw Errors.unsupported("Connection.setTransactionIsolation(TRANSACTION_NONE)");
      default:
        throw Errors.of(
            SqlState.INVALID_ATTRIBUTE_VALUE,
            "setTransactionIsolation: invalid isolation level " + level);
    }
  }
}
