package io.pluresdb.sync.replicator;

import io.pluresdb.sync.protocol.PeerSession;
import io.pluresdb.sync.protocol.Role;

/**
 * Makes the protocol session of a new connection. Called on a network event loop: it must return at
 * once (a session does its work later, on its own executor).
 */
@FunctionalInterface
public interface SessionFactory {
  PeerSession open(Role role);
}
