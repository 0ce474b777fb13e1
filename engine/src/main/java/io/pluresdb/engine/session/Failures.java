package io.pluresdb.engine.session;

import java.sql.SQLException;

/** Collects the failures of a close that must go on after the first one. */
final class Failures {
  private Failures() {}

  /** {@code e} as the failure when there is none yet, else suppressed by the first one. */
  static SQLException add(SQLException first, SQLException e) {
    if (first == null) {
      return e;
    }
    first.addSuppressed(e);
    return first;
  }
}
