package io.pluresdb.bench;

import io.pluresdb.crdt.feed.ChangeSet;
import io.pluresdb.crdt.store.Store;
import io.pluresdb.crdt.store.StoreConfig;
import io.pluresdb.engine.api.ReplicationSettings;
import io.pluresdb.engine.replication.ReplicationService;
import io.pluresdb.engine.replication.SysPeers;
import io.pluresdb.jdbc.PluresConnection;
import io.pluresdb.sync.netty.TlsSettings;
import java.net.URI;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.function.Consumer;

/** Replicating nodes for the sync benchmarks: JDBC hubs and store-level clients. */
final class SyncNodes {
  static final String TOKEN = "bench";

  private SyncNodes() {}

  /** A hub node over JDBC, listening on a free loopback port (or {@code port}). */
  static Connection hub(Path file, int port) throws SQLException {
    return DriverManager.getConnection(
        "jdbc:pluresdb:" + file + "?listen=127.0.0.1:" + port + "&token=" + TOKEN);
  }

  /** A JDBC node that dials the given hub ports. */
  static Connection client(Path file, int... ports) throws SQLException {
    StringBuilder peers = new StringBuilder();
    for (int p : ports) {
      peers.append(peers.length() == 0 ? "" : ",").append("ws://127.0.0.1:").append(p);
    }
    return DriverManager.getConnection(
        "jdbc:pluresdb:" + file + "?peers=" + peers + "&token=" + TOKEN);
  }

  static int port(Connection hub) throws SQLException {
    return hub.unwrap(PluresConnection.class).listenPort();
  }

  /** A store opened directly, so a benchmark can watch its change feed. */
  static Store store(Path file) throws SQLException {
    return Store.open(StoreConfig.file(file));
  }

  /**
   * Starts replicating {@code store} with the hub at {@code port}, feeding remote commits to {@code
   * sink}.
   */
  static ReplicationService replicate(Store store, int port, Consumer<ChangeSet> sink)
      throws Exception {
    store
        .changeFeed()
        .subscribe(
            c -> {
              if (!c.local()) {
                sink.accept(c);
              }
            });
    return ReplicationService.start(
        store,
        new ReplicationSettings(
            null, List.of(URI.create("ws://127.0.0.1:" + port)), TOKEN, TlsSettings.none()),
        new SysPeers());
  }
}
