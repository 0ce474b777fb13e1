package io.pluresdb.crdt.store;

import io.pluresdb.crdt.error.Errors;
import io.pluresdb.crdt.error.SqlState;
import java.sql.SQLException;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/** Turns SQLite's constraint errors into the standard 23xxx SQLStates, naming table and columns. */
final class Constraints {
  private Constraints() {}

  /** The 23xxx state of a SQLite constraint error, or null when it is not one. */
  static SqlState stateOf(SQLException e) {
    if (!(e instanceof SQLiteException se)) {
      return null;
    }
    SQLiteErrorCode code = se.getResultCode();
    if (code == null) {
      return null;
    }
    return switch (code) {
      case SQLITE_CONSTRAINT_PRIMARYKEY, SQLITE_CONSTRAINT_UNIQUE, SQLITE_CONSTRAINT_ROWID ->
          SqlState.UNIQUE_VIOLATION;
      case SQLITE_CONSTRAINT_NOTNULL -> SqlState.NOT_NULL_VIOLATION;
      case SQLITE_CONSTRAINT_CHECK -> SqlState.CHECK_VIOLATION;
      case SQLITE_CONSTRAINT_FOREIGNKEY -> SqlState.FOREIGN_KEY_VIOLATION;
      case SQLITE_CONSTRAINT, SQLITE_CONSTRAINT_TRIGGER -> SqlState.INTEGRITY_CONSTRAINT_VIOLATION;
      default -> null;
    };
  }

  /** What SQLite says failed, e.g. {@code album.id} or the CHECK expression. */
  static String detail(SQLException e) {
    String m = String.valueOf(e.getMessage());
    int at = m.lastIndexOf("failed: ");
    if (at < 0) {
      return m;
    }
    String d = m.substring(at + 8);
    return d.endsWith(")") ? d.substring(0, d.length() - 1) : d;
  }

  /** The translated exception, or {@code e} itself when it is not a constraint error. */
  static SQLException translate(SQLException e, String table) {
    SqlState state = stateOf(e);
    if (state == null) {
      return e;
    }
    String detail = detail(e);
    String message =
        switch (state) {
          case UNIQUE_VIOLATION ->
              "duplicate key in table '" + table + "': " + detail + " already exists";
          case NOT_NULL_VIOLATION ->
              "null value in table '" + table + "' violates NOT NULL: " + detail;
          case CHECK_VIOLATION ->
              "row of table '" + table + "' violates CHECK constraint: " + detail;
          case FOREIGN_KEY_VIOLATION -> "row of table '" + table + "' violates a foreign key";
          default -> "row of table '" + table + "' violates a constraint: " + detail;
        };
    return Errors.of(state, message, e);
  }
}
