package io.pluresdb.sync.replicator;

import io.pluresdb.crdt.store.Parked;
import io.pluresdb.sync.protocol.PeerStatus;

/**
 * One line of {@code sys_peers} and {@code pluresdb status}: a connection (or a configured peer
 * that is not connected, or a peer node with no session whose transactions are parked here) and its
 * session's status.
 *
 * @param address the peer URL this node dials, or the remote address of a connection it accepted,
 *     or null for a node known only by its parked transactions
 * @param status the session's state and counters
 * @param parked the transactions received from the peer's node that cannot be applied yet (this
 *     node's store-wide count for that node, whichever session brought them)
 * @param bytesInFlight bytes written to the connection and not yet taken by its socket
 * @param deliveriesPerSecond transactions sent to the peer in the last whole second
 */
public record PeerRow(
    String address,
    PeerStatus status,
    Parked parked,
    long bytesInFlight,
    long deliveriesPerSecond) {
  /** A row with nothing parked, in flight or delivered. */
  public PeerRow(String address, PeerStatus status) {
    this(address, status, Parked.NONE, 0, 0);
  }

  /** A row with nothing in flight or delivered. */
  public PeerRow(String address, PeerStatus status, Parked parked) {
    this(address, status, parked, 0, 0);
  }

  /** This row with {@code p} parked. */
  public PeerRow withParked(Parked p) {
    return new PeerRow(address, status, p, bytesInFlight, deliveriesPerSecond);
  }
}
