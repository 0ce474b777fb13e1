package io.pluresdb.planner;

import io.pluresdb.crdt.store.Store;
import java.sql.SQLException;

/**
 * The SQL front end of one store: parses, validates and plans statements, and caches plans by SQL
 * text and schema version. Thread-safe; shared by every connection to the store.
 */
public final class Planner {
  private final Store store;

  public Planner(Store store) {
    this.store = store;
  }

  public Store store() {
    return store;
  }

  /** A session for one JDBC connection. */
  public Session openSession() throws SQLException {
    throw new UnsupportedOperationException("not yet");
  }
}
