package io.pluresdb.crdt.error;

import java.sql.SQLException;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * The one map from SQLite's result codes to SQLStates. sqlite-jdbc reports every failure with a
 * null SQLState, which breaks exception translation in Spring and pools; this gives each its
 * standard state, keeping SQLite's exception as the cause and its result code as the vendor code.
 */
public final class SqliteStates {
  private SqliteStates() {}

  /**
   * {@code e} itself when it already has a SQLState, else the same failure with the state its
   * SQLite result code (or, for an exception that is not SQLite's, XX000) stands for.
   */
  public static SQLException withState(SQLException e) {
    if (e.getSQLState() != null) {
      return e;
    }
    SqlState state = e instanceof SQLiteException se ? stateOf(se) : SqlState.INTERNAL_ERROR;
    SQLException mapped = Errors.of(state, String.valueOf(e.getMessage()), e);
    return mapped;
  }

  /** The state of a SQLite failure, from its (extended) result code and, for SQLITE_ERROR, text. */
  public static SqlState stateOf(SQLiteException e) {
    SQLiteErrorCode code = e.getResultCode();
    if (code == null) {
      return SqlState.INTERNAL_ERROR;
    }
    SqlState constraint = constraintState(code);
    if (constraint != null) {
      return constraint;
    }
    SQLiteErrorCode primary = SQLiteErrorCode.getErrorCode(code.code & 0xff);
    return switch (primary) {
      case SQLITE_ERROR -> errorState(String.valueOf(e.getMessage()));
      case SQLITE_TOOBIG -> SqlState.PROGRAM_LIMIT_EXCEEDED;
      case SQLITE_BUSY, SQLITE_LOCKED -> SqlState.LOCK_NOT_AVAILABLE;
      case SQLITE_READONLY -> SqlState.READ_ONLY_SQL_TRANSACTION;
      case SQLITE_RANGE -> SqlState.INVALID_PARAMETER_NUMBER;
      case SQLITE_NOMEM -> SqlState.OUT_OF_MEMORY;
      case SQLITE_FULL -> SqlState.DISK_FULL;
      case SQLITE_IOERR, SQLITE_CANTOPEN, SQLITE_NOLFS, SQLITE_PROTOCOL -> SqlState.IO_ERROR;
      case SQLITE_CORRUPT, SQLITE_NOTADB, SQLITE_FORMAT -> SqlState.DATA_CORRUPTED;
      case SQLITE_INTERRUPT -> SqlState.QUERY_CANCELED;
      case SQLITE_ABORT -> SqlState.TRANSACTION_ROLLBACK;
      case SQLITE_MISMATCH -> SqlState.DATATYPE_MISMATCH;
      case SQLITE_PERM, SQLITE_AUTH -> SqlState.INSUFFICIENT_PRIVILEGE;
      case SQLITE_SCHEMA -> SqlState.OBJECT_NOT_IN_PREREQUISITE_STATE;
      case SQLITE_CONSTRAINT -> SqlState.INTEGRITY_CONSTRAINT_VIOLATION;
      case SQLITE_MISUSE -> SqlState.FUNCTION_SEQUENCE_ERROR;
      default -> SqlState.INTERNAL_ERROR;
    };
  }

  private static @Nullable SqlState constraintState(SQLiteErrorCode code) {
    return switch (code) {
      case SQLITE_CONSTRAINT_PRIMARYKEY, SQLITE_CONSTRAINT_UNIQUE, SQLITE_CONSTRAINT_ROWID ->
          SqlState.UNIQUE_VIOLATION;
      case SQLITE_CONSTRAINT_NOTNULL -> SqlState.NOT_NULL_VIOLATION;
      case SQLITE_CONSTRAINT_CHECK -> SqlState.CHECK_VIOLATION;
      case SQLITE_CONSTRAINT_FOREIGNKEY -> SqlState.FOREIGN_KEY_VIOLATION;
      default -> null;
    };
  }

  /**
   * SQLITE_ERROR is SQLite's catch-all; its message says which kind of error it is. These are the
   * texts of sqlite3's own messages (parse.y, resolve.c, expr.c).
   */
  private static SqlState errorState(String message) {
    String m = message.toLowerCase(Locale.ROOT);
    if (m.contains("syntax error")
        || m.contains("incomplete input")
        || m.contains("unrecognized")) {
      return SqlState.SYNTAX_ERROR;
    }
    if (m.contains("too large") || m.contains("too deep") || m.contains("too complex")) {
      return SqlState.STATEMENT_TOO_COMPLEX;
    }
    if (m.contains("too many columns")) {
      return SqlState.TOO_MANY_COLUMNS;
    }
    if (m.contains("too many") || m.contains("too big") || m.contains("too long")) {
      return SqlState.PROGRAM_LIMIT_EXCEEDED;
    }
    if (m.contains("no such table")) {
      return SqlState.UNDEFINED_TABLE;
    }
    if (m.contains("no such column")) {
      return SqlState.UNDEFINED_COLUMN;
    }
    if (m.contains("no such function")) {
      return SqlState.UNDEFINED_FUNCTION;
    }
    if (m.contains("already exists")) {
      return SqlState.DUPLICATE_OBJECT;
    }
    if (m.contains("no such savepoint")) {
      return SqlState.INVALID_SAVEPOINT_SPECIFICATION;
    }
    if (m.contains("no transaction is active") || m.contains("within a transaction")) {
      return SqlState.INVALID_TRANSACTION_STATE;
    }
    return SqlState.GENERAL_ERROR;
  }
}
