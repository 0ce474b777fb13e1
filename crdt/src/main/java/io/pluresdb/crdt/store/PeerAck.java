package io.pluresdb.crdt.store;

import io.pluresdb.crdt.op.VersionVector;

/**
 * A peer this node knows, and what it last acknowledged holding (see {@link Store#peerHolds}).
 *
 * @param node the peer's node id
 * @param holds every transaction the peer holds, as far as this node knows
 * @param ackedAtMillis when it last said so, in milliseconds since the epoch
 */
public record PeerAck(String node, VersionVector holds, long ackedAtMillis) {}
