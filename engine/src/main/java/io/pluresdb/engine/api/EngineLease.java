package io.pluresdb.engine.api;

import java.sql.SQLException;

/**
 * One connection's hold on an engine. Closing it (once; later closes do nothing) gives the
 * reference back, and the last one closes the engine.
 *
 * <p>Thread-safe: {@link #close} may race with itself (for example {@code Connection.abort}).
 */
public interface EngineLease extends AutoCloseable {
  Engine engine();

  @Override
  void close() throws SQLException;
}
