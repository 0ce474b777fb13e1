package io.pluresdb.engine.replication;

import io.pluresdb.crdt.error.Errors;
import io.pluresdb.crdt.error.SqlState;
import io.pluresdb.crdt.store.Store;
import io.pluresdb.engine.api.ReplicationSettings;
import io.pluresdb.sync.http.HttpRoutes;
import io.pluresdb.sync.protocol.PeerStatus;
import io.pluresdb.sync.protocol.SyncConfig;
import io.pluresdb.sync.replicator.PeerRow;
import io.pluresdb.sync.replicator.Replicator;
import io.pluresdb.sync.replicator.SessionFactory;
import io.pluresdb.sync.scope.ScopeSet;
import java.net.InetSocketAddress;
import java.sql.SQLException;
import org.jspecify.annotations.Nullable;

/**
 * The replicator of one engine, started with the engine when its URL asks for replication and
 * closed with it (when the last connection closes). The shared token both authenticates this node
 * to its peers and admits peers that present it; a node with a JWT presents that instead, and a
 * node that verifies JWTs admits each as its user ({@link Agents}).
 *
 * <p>Thread-safe: immutable after start; {@link #close} is idempotent through the replicator.
 */
public final class ReplicationService implements AutoCloseable {
  private final Replicator replicator;
  private final SysPeers view;

  private ReplicationService(Replicator replicator, SysPeers view) {
    this.replicator = replicator;
    this.view = view;
  }

  /**
   * Starts replicating {@code store} as {@code settings} ask, or returns null when they ask for
   * nothing. A listener that cannot bind or a refused configuration fails with 08001.
   */
  public static @Nullable ReplicationService start(
      Store store, ReplicationSettings settings, SysPeers view) throws SQLException {
    return start(store, settings, view, new ScopeSet());
  }

  /** As {@link #start(Store, ReplicationSettings, SysPeers)}, the node holding {@code scopes}. */
  public static @Nullable ReplicationService start(
      Store store, ReplicationSettings settings, SysPeers view, ScopeSet scopes)
      throws SQLException {
    if (!settings.enabled()) {
      return null;
    }
    settings.scopes().forEach(scopes::add);
    String presented = settings.jwt().jwt() != null ? settings.jwt().jwt() : settings.token();
    SyncConfig sync =
        SyncConfig.builder()
            .token(presented)
            .agent(Agents.of(settings))
            .maxParkedPerPeer(settings.maxParkedPerPeer())
            .scopes(scopes)
            .build();
    Replicator r;
    try {
      r = Replicator.start(store, settings.toConfig(), SessionFactory.protocol(store, sync));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw Errors.of(SqlState.CLIENT_UNABLE_TO_CONNECT, "interrupted starting replication", e);
    } catch (Exception e) { // a failed bind arrives as an undeclared BindException
      throw Errors.of(
          SqlState.CLIENT_UNABLE_TO_CONNECT,
          "cannot start replication of " + store.nodeId() + ": " + e.getMessage(),
          e);
    }
    view.source(r::peers);
    return new ReplicationService(r, view);
  }

  /** The listener's bound address, or null when this node does not listen. */
  public @Nullable InetSocketAddress listenAddress() {
    return replicator.listenAddress();
  }

  /**
   * The plain HTTP routes served on the listener's port (unused when this node does not listen).
   */
  public HttpRoutes httpRoutes() {
    return replicator.httpRoutes();
  }

  /** How many transactions the sessions not closed are behind, summed over peers. */
  public long backlog() {
    long sum = 0;
    for (PeerRow p : replicator.peers()) {
      if (p.status().state() != PeerStatus.State.CLOSED) {
        sum += p.status().lag();
      }
    }
    return sum;
  }

  public Replicator replicator() {
    return replicator;
  }

  @Override
  public void close() {
    view.source(null);
    replicator.close();
  }
}
