/**
 * The replication protocol as a pure state machine ({@link io.pluresdb.sync.protocol.PeerSession}):
 * messages, their binary encoding, hello and catch-up from version vectors, live streaming; tested
 * without sockets.
 */
package io.pluresdb.sync.protocol;
