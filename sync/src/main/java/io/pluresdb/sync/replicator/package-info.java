/**
 * The replicator: the background service that keeps one store in sync with its peers — a listener,
 * a dialer per peer URL with capped exponential backoff and jitter, the fan-out of committed
 * transactions and notifications to every session, periodic ticks, and the peers' status.
 */
package io.pluresdb.sync.replicator;
