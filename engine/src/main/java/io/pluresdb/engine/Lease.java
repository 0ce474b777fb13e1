package io.pluresdb.engine;

import io.pluresdb.engine.api.Engine;
import io.pluresdb.engine.api.EngineLease;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicBoolean;

/** A connection's hold on an engine of an {@link EngineRegistry}. */
final class Lease implements EngineLease {
  private final EngineRegistry registry;
  private final Engine engine;
  private final AtomicBoolean closed = new AtomicBoolean();

  Lease(EngineRegistry registry, Engine engine) {
    this.registry = registry;
    this.engine = engine;
  }

  @Override
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
