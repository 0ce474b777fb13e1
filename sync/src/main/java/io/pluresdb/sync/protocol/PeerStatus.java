package io.pluresdb.sync.protocol;

import java.time.Instant;

/**
 * One session's state as shown by {@code sys_peers} and {@code pluresdb status}.
 *
 * @param peerNode the peer's node id (12 hex digits), or null before its hello
 * @param role which end this node is
 * @param state where the session is
 * @param lastHeard when the last frame arrived, or null
 * @param sentTransactions transactions sent so far
 * @param receivedTransactions transactions received and applied so far
 * @param lag transactions this node holds that the peer is not yet known to hold
 * @param bytesSent encoded bytes sent
 * @param bytesReceived encoded bytes received
 * @param closeReason why it closed, or null while open
 */
public record PeerStatus(
    String peerNode,
    Role role,
    State state,
    Instant lastHeard,
    long sentTransactions,
    long receivedTransactions,
    long lag,
    long bytesSent,
    long bytesReceived,
    CloseReason closeReason) {
  /** This status as of a close for {@code reason}, counters unchanged. */
  public PeerStatus closed(CloseReason reason) {
    return new PeerStatus(
        peerNode,
        role,
        State.CLOSED,
        lastHeard,
        sentTransactions,
        receivedTransactions,
        lag,
        bytesSent,
        bytesReceived,
        reason);
  }

  /** Session states. */
  public enum State {
    CONNECTING,
    HELLO,
    CATCHING_UP,
    LIVE,
    CLOSED
  }
}
