package io.pluresdb.driver.lob;

import io.pluresdb.crdt.error.Errors;
import io.pluresdb.crdt.error.SqlState;
import java.sql.SQLException;

/** The checks JDBC's 1-based LOB positions and lengths share; errors are 22023 naming the LOB. */
final class LobPositions {
  private LobPositions() {}

  /** The 0-based offset of a 1-based position that may point one past the end (for writes). */
  static int start(String lob, long pos, int length) throws SQLException {
    if (pos < 1 || pos > (long) length + 1) {
      throw Errors.of(
          SqlState.INVALID_PARAMETER_VALUE,
          lob + ": position " + pos + " is outside 1.." + (length + 1));
    }
    return (int) (pos - 1);
  }

  /** A count of items that must be between 0 and {@code max}. */
  static int count(String lob, String what, long n, long max) throws SQLException {
    if (n < 0 || n > max) {
      throw Errors.of(
          SqlState.INVALID_PARAMETER_VALUE, lob + ": " + what + " " + n + " is outside 0.." + max);
    }
    return (int) n;
  }

  /** Fails once the LOB has been freed, as JDBC asks. */
  static void checkLive(String lob, boolean freed) throws SQLException {
    if (freed) {
      throw Errors.of(
          SqlState.OBJECT_NOT_IN_PREREQUISITE_STATE, lob + " has been freed (free() was called)");
    }
  }
}
