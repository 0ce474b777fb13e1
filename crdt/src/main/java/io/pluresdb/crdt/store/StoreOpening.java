package io.pluresdb.crdt.store;

import java.sql.Connection;
import java.sql.SQLException;

/** Opens a {@link SqliteStore} as its owner or as a follower of the process that owns it. */
final class StoreOpening {
  private StoreOpening() {}

  static Store open(StoreConfig config, boolean follows) throws SQLException {
    StoreFiles files = follows ? StoreFiles.follow(config) : StoreFiles.acquire(config);
    Connection conn = null;
    try {
      conn = files.connect();
      return new SqliteStore(files, conn, config, follows);
    } catch (SQLException | RuntimeException e) {
      if (conn != null) {
        conn.close();
      }
      files.close();
      throw e;
    }
  }
}
