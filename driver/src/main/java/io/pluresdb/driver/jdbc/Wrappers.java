package io.pluresdb.driver.jdbc;

import io.pluresdb.crdt.error.Errors;
import io.pluresdb.crdt.error.SqlState;
import java.sql.SQLException;

/** {@link java.sql.Wrapper#unwrap} for objects that wrap nothing but themselves. */
public final class Wrappers {
  private Wrappers() {}

  public static <T> T unwrap(Object self, Class<T> iface) throws SQLException {
    if (iface != null && iface.isInstance(self)) {
      return iface.cast(self);
    }
    throw Errors.of(SqlState.INVALID_PARAMETER_VALUE,
        self.getClass().getSimpleName() + " does not wrap "
            + (iface == null ? "null" : iface.getName()));
  }
}
