/**
 * The replication protocol as a pure state machine ({@link io.pluresdb.sync.protocol.PeerSession}):
 * messages and their binary encoding ({@link io.pluresdb.sync.protocol.MessageCodec}), hello and
 * catch-up from version vectors, live streaming, notifications and heartbeats; tested without
 * sockets.
 *
 * <p>A transport opens one session per connection with {@link
 * io.pluresdb.sync.protocol.PeerSession#open}, calls {@code start} when the connection opens,
 * {@code receive} for each binary frame and {@code disconnected} when it is lost; it subscribes
 * once per store to {@code Store.changeFeed()} and {@code Store.notifications()} and hands each
 * event to every session ({@code committed}, {@code notified}); it calls {@code tick} about every
 * quarter of the heartbeat interval. All calls of one session run on one serial executor that may
 * block (a batch is applied to the store), never on a network event loop, and events are queued to
 * it, not made from inside a session's own call.
 *
 * <p>Database identity: a fresh node adopts the identity of the first server it joins, and a node
 * seals its identity when it first admits a client. So in a mesh, fresh nodes should first join the
 * node that created the database; a fresh node that served another fresh node first keeps an
 * identity of its own and is refused (WRONG_DATABASE) by the others.
 */
package io.pluresdb.sync.protocol;
