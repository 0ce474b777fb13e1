/**
 * The replication protocol as a pure state machine ({@link io.pluresdb.sync.protocol.PeerSession}):
 * messages and their binary encoding ({@link io.pluresdb.sync.protocol.MessageCodec}), hello and
 * catch-up from version vectors, live streaming, notifications and heartbeats; tested without
 * sockets.
 *
 * <p>A transport opens one session per connection with {@link
 * io.pluresdb.sync.protocol.PeerSession#open}, passing the node's one {@link
 * io.pluresdb.sync.protocol.NodeMemory}, calls {@code start} when the connection opens, {@code
 * receive} for each binary frame and {@code disconnected} when it is lost; it subscribes once per
 * store to {@code Store.changeFeed()} and {@code Store.notifications()} and hands each event to
 * every session ({@code committed}, {@code notified}); it calls {@code tick} about every quarter of
 * the heartbeat interval. All calls of one session run on one serial executor that may block (a
 * batch is applied to the store), never on a network event loop, and events are queued to it, not
 * made from inside a session's own call.
 *
 * <p>Database identity: a node is fresh until it first joins or serves a peer, then its identity is
 * sealed and never changes. The client's hello says whether it is sealed, and the server settles
 * both ends' identity by a rule they reach without coordination: a fresh end adopts a sealed end's
 * identity (whichever serves), two fresh ends agree on the smaller identity, and two ends sealed to
 * different identities refuse each other (WRONG_DATABASE). So fresh nodes of a mesh that shake
 * hands one at a time, in any order, end up with one identity. A node that dials peers is
 * provisional until then: what it writes before its first handshake does not seal its identity (but
 * a 32-bit generated key, which makes it a creator), and while a connection attempt is open its
 * writes wait for the identity to settle (see {@code Store#dialing}). What the rule cannot settle
 * is a fresh node whose identity gets sealed by a connection it serves while its hello on another
 * is still unanswered (a server may adopt the identity the hello claimed): fresh nodes that serve
 * and dial at once can still split.
 */
package io.pluresdb.sync.protocol;
