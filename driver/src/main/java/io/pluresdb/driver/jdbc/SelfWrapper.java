package io.pluresdb.driver.jdbc;

import io.pluresdb.crdt.error.Errors;
import io.pluresdb.crdt.error.SqlState;
import java.sql.SQLException;
import java.sql.Wrapper;

/**
 * {@link Wrapper} for the driver's JDBC objects, which wrap nothing but themselves: {@code unwrap}
 * answers the object for any interface or class it is an instance of, and fails with 22023
 * otherwise.
 *
 * <p>Stateless, so as thread-safe as the object it is mixed into.
 */
public interface SelfWrapper extends Wrapper {

  @Override
  default <T> T unwrap(Class<T> iface) throws SQLException {
    if (iface != null && iface.isInstance(this)) {
      return iface.cast(this);
    }
    throw Errors.of(
        SqlState.INVALID_PARAMETER_VALUE,
        getClass().getSimpleName()
            + " does not wrap "
            + (iface == null ? "null" : iface.getName()));
  }

  @Override
  default boolean isWrapperFor(Class<?> iface) {
    return iface.isInstance(this);
  }
}
