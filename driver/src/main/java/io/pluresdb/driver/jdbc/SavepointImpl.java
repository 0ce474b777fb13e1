package io.pluresdb.driver.jdbc;

import io.pluresdb.crdt.error.Errors;
import io.pluresdb.crdt.error.SqlState;
import java.sql.SQLException;
import java.sql.Savepoint;

/**
 * A JDBC savepoint: an SQL savepoint of its connection, named by the user or numbered by the
 * driver. Immutable.
 */
final class SavepointImpl implements Savepoint {
  private final Object owner;
  private final int id;
  private final String name; // null when unnamed

  SavepointImpl(Object owner, int id, String name) {
    this.owner = owner;
    this.id = id;
    this.name = name;
  }

  /** The name the SQL statements use: the user's, or one made from the id. */
  String sqlName() {
    return name != null ? name : "pl_jdbc_savepoint_" + id;
  }

  /** The savepoint as a quoted SQL identifier. */
  String quoted() {
    return '"' + sqlName().replace("\"", "\"\"") + '"';
  }

  /** {@code s} as a savepoint of the connection {@code owner}, else 3B001. */
  static SavepointImpl of(Savepoint s, Object owner) throws SQLException {
    if (s instanceof SavepointImpl p && p.owner == owner) {
      return p;
    }
    throw Errors.of(
        SqlState.INVALID_SAVEPOINT_SPECIFICATION,
        "savepoint " + s + " was not set on this connection");
  }

  @Override
  public int getSavepointId() throws SQLException {
    if (name != null) {
      throw Errors.of(
          SqlState.SAVEPOINT_EXCEPTION, "savepoint '" + name + "' is named: it has no id");
    }
    return id;
  }

  @Override
  public String getSavepointName() throws SQLException {
    if (name == null) {
      throw Errors.of(
          SqlState.SAVEPOINT_EXCEPTION, "savepoint " + id + " is unnamed: it has an id only");
    }
    return name;
  }

  @Override
  public String toString() {
    return name != null ? "'" + name + "'" : String.valueOf(id);
  }
}
