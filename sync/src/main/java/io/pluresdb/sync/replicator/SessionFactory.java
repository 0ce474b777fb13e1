package io.pluresdb.sync.replicator;

import io.pluresdb.crdt.store.Store;
import io.pluresdb.sync.protocol.NodeMemory;
import io.pluresdb.sync.protocol.PeerSession;
import io.pluresdb.sync.protocol.Role;
import io.pluresdb.sync.protocol.SyncConfig;

/**
 * Makes the protocol session of a new connection. Called on a network event loop: it must return at
 * once (a session does its work later, on its own executor).
 */
@FunctionalInterface
public interface SessionFactory {
  /**
   * The session of a new connection, the {@code role} end of it; {@code memory} is the replicator's
   * node memory, the same for every session it opens.
   */
  PeerSession open(Role role, NodeMemory memory);

  /** The replication protocol's sessions for {@code store}, behaving as {@code config} says. */
  static SessionFactory protocol(Store store, SyncConfig config) {
    return (role, memory) -> PeerSession.open(role, store, config, memory);
  }
}
