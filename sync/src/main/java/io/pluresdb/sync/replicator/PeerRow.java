package io.pluresdb.sync.replicator;

import io.pluresdb.sync.protocol.PeerStatus;

/**
 * One line of {@code sys_peers} and {@code pluresdb status}: a connection (or a configured peer
 * that is not connected) and its session's status.
 *
 * @param address the peer URL this node dials, or the remote address of a connection it accepted
 * @param status the session's state and counters
 */
public record PeerRow(String address, PeerStatus status) {}
