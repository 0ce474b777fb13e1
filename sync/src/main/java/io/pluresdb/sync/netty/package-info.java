/**
 * The WebSocket transport of replication over Netty: a server and a client bootstrap, one pipeline
 * each (TLS, HTTP, WebSocket, one frame codec, one session handler), binary frames only, size
 * limits and backpressure. Each connection drives one {@link io.pluresdb.sync.protocol.PeerSession}
 * on its own serial executor, never on an event loop.
 */
package io.pluresdb.sync.netty;
