/**
 * The threads of a node, all owned by one {@link io.pluresdb.engine.threads.EngineRuntime} per
 * engine (or, for replication, by the replicator the engine closes). No executor is static; closing
 * the last connection to a database closes its services, then its runtime, then its store.
 *
 * <table>
 *   <caption>A node's threads</caption>
 *   <tr><th>name</th><th>count</th><th>owner</th><th>runs</th></tr>
 *   <tr><td>{@code pluresdb-timeout-<node>}</td><td>1</td><td>runtime</td>
 *       <td>query timeouts: interrupts the SQLite statement of a session past its timeout</td></tr>
 *   <tr><td>{@code pluresdb-delivery-<node>[-n]}</td><td>0..n, idle ones end after 60 s</td>
 *       <td>runtime</td><td>user callbacks (live-query listeners and publishers, notification
 *       listeners), each consumer on its own serial executor</td></tr>
 *   <tr><td>{@code pluresdb-live-<node>}</td><td>1</td><td>runtime, for the live-query reactor</td>
 *       <td>follows the change feed and matches changes against subscriptions</td></tr>
 *   <tr><td>{@code pluresdb-hnsw-<node>}</td><td>1</td><td>runtime, for the HNSW index service</td>
 *       <td>loads, builds and updates vector indexes from the change feed</td></tr>
 *   <tr><td>{@code pluresdb-owner-<node>[-n]}</td><td>1 + one per connection of another
 *       process</td><td>the endpoint of a file database's owner</td><td>accepts other processes
 *       of the same file on loopback and runs their forwarded statements</td></tr>
 *   <tr><td>{@code pluresdb-follow-<node>}</td><td>1 in a process that follows another</td>
 *       <td>the follower's watch</td><td>catches up with the owner's commits and takes the file
 *       over when the owner is gone</td></tr>
 *   <tr><td>{@code pluresdb-sync-io-n}</td><td>a few</td><td>the replicator</td>
 *       <td>Netty event loops: socket reads and writes only</td></tr>
 *   <tr><td>{@code pluresdb-sync-session-n}</td><td>0..n</td><td>the replicator</td>
 *       <td>protocol sessions, each on its own serial executor</td></tr>
 *   <tr><td>{@code pluresdb-sync-timer-n}</td><td>1</td><td>the replicator</td>
 *       <td>reconnect backoff and session deadlines</td></tr>
 * </table>
 *
 * <p>The command line adds its own: the shell's live counter ({@code pluresdb-live-counter}) and
 * {@code serve}'s shutdown hook. SQLite itself starts no thread.
 */
@NullMarked
package io.pluresdb.engine.threads;

import org.jspecify.annotations.NullMarked;
