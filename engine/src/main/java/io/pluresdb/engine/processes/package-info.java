/**
 * Many processes, one database file: the process that holds a file's lock owns it (writes,
 * replication, index files) and takes forwarded statements on a loopback socket named, with a
 * secret, in its lock file; any other process follows it, reading the file straight through
 * SQLite's WAL with the same SQL compilation and forwarding its writes, and takes the ownership
 * over when the owner is gone.
 *
 * <p>The roles: {@link io.pluresdb.engine.processes.FileEngine} opens a file as owner or follower
 * ({@link io.pluresdb.engine.processes.FileOpening}); {@link io.pluresdb.engine.processes.Owned},
 * {@link io.pluresdb.engine.processes.OwnerEndpoint}, {@link
 * io.pluresdb.engine.processes.ForwardedSession} and {@link
 * io.pluresdb.engine.processes.NotificationFeed} serve forwarded statements, cancels and
 * notifications on the owner; {@link io.pluresdb.engine.processes.FollowerSession}, {@link
 * io.pluresdb.engine.processes.OwnerRoute}, {@link io.pluresdb.engine.processes.OwnerLink}, {@link
 * io.pluresdb.engine.processes.OwnerLoss}, {@link io.pluresdb.engine.processes.TransactionCatalog},
 * {@link io.pluresdb.engine.processes.NotificationRelay}, {@link
 * io.pluresdb.engine.processes.OwnerWatch} and {@link io.pluresdb.engine.processes.LockProbe} run a
 * follower; {@link io.pluresdb.engine.processes.Wire}, {@link io.pluresdb.engine.processes.Replies}
 * and {@link io.pluresdb.engine.processes.LockNote} are the protocol both sides speak.
 */
@NullMarked
package io.pluresdb.engine.processes;

import org.jspecify.annotations.NullMarked;
