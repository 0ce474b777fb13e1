package io.pluresdb.engine.vector;

import io.pluresdb.crdt.store.StoreConfig;

/**
 * What an engine does to have vector search: SQL functions on every store connection, {@code
 * embed(text)} among them (which needs the optional model module only when called).
 */
public final class VectorSupport {
  private VectorSupport() {}

  /** The config with the vector functions registered on each connection, after its own setup. */
  public static StoreConfig configure(StoreConfig config) {
    return config
        .alsoInitializing(SqliteVectorFunctions::register)
        .alsoInitializing(EmbedFunction::register);
  }
}
