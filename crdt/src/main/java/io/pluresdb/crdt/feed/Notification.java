package io.pluresdb.crdt.feed;

import io.pluresdb.crdt.clock.OpId;

/**
 * A message sent with {@code NOTIFY channel, 'payload'}: not stored, delivered to the listeners of
 * the node it was sent on and, when replication runs, to those of its peers.
 *
 * @param id unique id issued by the sending node's clock (peers de-duplicate relays by it)
 * @param channel the channel name
 * @param payload the payload, possibly empty, never null
 * @param node the sending node's id (12 hex digits)
 * @param local true when sent on this node
 */
public record Notification(OpId id, String channel, String payload, String node, boolean local) {}
