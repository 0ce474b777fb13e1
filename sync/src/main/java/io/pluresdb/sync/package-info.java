/**
 * Replication: the protocol as a state machine ({@code sync.protocol}), who may do what ({@code
 * sync.auth}), the WebSocket transport ({@code sync.netty}) and the background service that runs
 * them for a store ({@code sync.replicator}).
 */
@NullMarked
package io.pluresdb.sync;

import org.jspecify.annotations.NullMarked;
