/**
 * Replication through {@code java.sql} only: real nodes (database files in temporary directories)
 * replicating over loopback WebSocket connections.
 */
package io.pluresdb.tck.sync;
