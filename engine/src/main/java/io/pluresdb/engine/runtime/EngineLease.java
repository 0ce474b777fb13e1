package io.pluresdb.engine.runtime;

import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One connection's hold on an engine. Closing it (once; later closes do nothing) gives the
 * reference back, and the last one closes the engine.
 *
 * <p>Thread-safe: {@link #close} may race with itself (for example {@code Connection.abort}).
 */
public final class EngineLease implements AutoCloseable {
  private final EngineRegistry registry;
  private final Engine engine;
  private final AtomicBoolean closed = new AtomicBoolean();

  EngineLease(EngineRegistry registry, Engine engine) {
    this.registry = registry;
    this.engine = engine;
  }

  public Engine engine() {
    return engine;
  }

  @Override
  public void close() throws SQLException {
    if (closed.compareAndSet(false, true)) {
      registry.release(engine);
    }
  }
}
