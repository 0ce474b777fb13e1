package io.pluresdb.driver.engine;

import io.pluresdb.crdt.store.Store;
import io.pluresdb.driver.url.DatabaseTarget;
import io.pluresdb.planner.Planner;

/**
 * One open database: its store and the planner over it, shared by every connection to it.
 *
 * <p>Thread-safe: the store and planner are; the reference count belongs to {@link EngineRegistry}
 * and is guarded by the registry's lock.
 */
public final class Engine {
  private final String key;
  private final DatabaseTarget target;
  private final EngineSettings settings;
  private final Store store;
  private final Planner planner;
  private int references; // guarded by the owning EngineRegistry

  Engine(String key, DatabaseTarget target, EngineSettings settings, Store store) {
    this.key = key;
    this.target = target;
    this.settings = settings;
    this.store = store;
    this.planner = new Planner(store);
  }

  /** The canonical key under which connections share this engine. */
  public String key() {
    return key;
  }

  public DatabaseTarget target() {
    return target;
  }

  public EngineSettings settings() {
    return settings;
  }

  public Store store() {
    return store;
  }

  public Planner planner() {
    return planner;
  }

  int retain() {
    return ++references;
  }

  int release() {
    return --references;
  }

  int references() {
    return references;
  }
}
