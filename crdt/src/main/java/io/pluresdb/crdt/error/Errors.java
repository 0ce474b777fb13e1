package io.pluresdb.crdt.error;

import java.sql.SQLDataException;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.SQLInvalidAuthorizationSpecException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLSyntaxErrorException;
import java.sql.SQLTimeoutException;
import java.sql.SQLTransactionRollbackException;
import java.sql.SQLTransientException;
import org.jspecify.annotations.Nullable;

/**
 * The one factory for {@link SQLException}s: picks the JDBC 4 subclass from the state's class, so
 * callers only choose the state and write a message that names the object.
 */
public final class Errors {
  private Errors() {}

  public static SQLException of(SqlState state, String message) {
    return of(state, message, null);
  }

  public static SQLException of(SqlState state, String message, @Nullable Throwable cause) {
    SQLException e = ofCode(state.code(), message);
    if (cause != null) {
      e.initCause(cause);
    }
    return e;
  }

  /**
   * An error raised elsewhere (the process that owns the database) and carried here as its SQLState
   * and message: the same JDBC 4 subclass as there.
   */
  public static SQLException ofCode(String code, String message) {
    return switch (code.length() == 5 ? code.substring(0, 2) : "") {
      case "08" -> new SQLNonTransientConnectionException(message, code);
      case "0A" -> new SQLFeatureNotSupportedException(message, code);
      case "22" -> new SQLDataException(message, code);
      case "23" -> new SQLIntegrityConstraintViolationException(message, code);
      case "28" -> new SQLInvalidAuthorizationSpecException(message, code);
      case "40" -> new SQLTransactionRollbackException(message, code);
      case "42" -> new SQLSyntaxErrorException(message, code);
      case "55" ->
          code.equals(SqlState.LOCK_NOT_AVAILABLE.code())
              ? new SQLTransientException(message, code)
              : new SQLException(message, code);
      case "57" -> new SQLTimeoutException(message, code);
      default -> new SQLException(message, code);
    };
  }

  /** For a JDBC method this driver does not implement; the message names the method. */
  public static SQLFeatureNotSupportedException unsupported(String method) {
    return (SQLFeatureNotSupportedException)
        of(SqlState.FEATURE_NOT_SUPPORTED, method + " is not supported by PluresDB");
  }
}
