package io.pluresdb.crdt.store;

import java.sql.SQLException;

/** The embedded store: everything in one SQLite file. */
final class SqliteStore {
  private SqliteStore() {}

  static Store open(StoreConfig config) throws SQLException {
    throw new UnsupportedOperationException("not yet");
  }
}
