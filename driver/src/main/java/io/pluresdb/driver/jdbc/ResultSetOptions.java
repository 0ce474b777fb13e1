package io.pluresdb.driver.jdbc;

import io.pluresdb.crdt.error.Errors;
import io.pluresdb.crdt.error.SqlState;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * The result set type, concurrency and holdability a statement may ask for: forward-only or
 * scroll-insensitive, read-only or updatable, held over commit. Anything else fails naming the
 * method and the value.
 */
final class ResultSetOptions {
  private ResultSetOptions() {}

  static void check(String method, int type, int concurrency, int holdability) throws SQLException {
    switch (type) {
      case ResultSet.TYPE_FORWARD_ONLY, ResultSet.TYPE_SCROLL_INSENSITIVE -> {}
      case ResultSet.TYPE_SCROLL_SENSITIVE ->
          throw Errors.unsupported("Connection." + method + " with TYPE_SCROLL_SENSITIVE");
      default ->
          throw Errors.of(
              SqlState.INVALID_ATTRIBUTE_VALUE, method + ": invalid result set type " + type);
    }
    switch (concurrency) {
      case ResultSet.CONCUR_READ_ONLY, ResultSet.CONCUR_UPDATABLE -> {}
      default ->
          throw Errors.of(
              SqlState.INVALID_ATTRIBUTE_VALUE,
              method + ": invalid result set concurrency " + concurrency);
    }
    checkHoldability(method, holdability);
  }

  static void checkHoldability(String method, int holdability) throws SQLException {
    switch (holdability) {
      case ResultSet.HOLD_CURSORS_OVER_COMMIT -> {}
      case ResultSet.CLOSE_CURSORS_AT_COMMIT ->
          throw Errors.unsupported(
              "Connection."
                  + method
                  + " with CLOSE_CURSORS_AT_COMMIT (result sets stay open"
                  + " over commit)");
      default ->
          throw Errors.of(
              SqlState.INVALID_ATTRIBUTE_VALUE,
              method + ": invalid result set holdability " + holdability);
    }
  }
}
