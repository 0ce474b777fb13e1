/**
 * Replication as an engine service: the URL properties that start it, the replicator's lifetime
 * beside the store, and the {@code sys_peers} view that shows its peers.
 */
@NullMarked
package io.pluresdb.engine.replication;

import org.jspecify.annotations.NullMarked;
