package io.pluresdb.sync.netty;

/**
 * Bounds on what one connection may hold.
 *
 * @param maxFrameBytes the largest WebSocket frame payload accepted; a larger frame closes the
 *     connection with 1009 (message too big)
 * @param maxMessageBytes the largest message once continuation frames are aggregated
 * @param maxPendingFrames frames received but not yet handled by the session before the connection
 *     stops reading from its socket (TCP then pushes back on the peer)
 * @param maxHeldEvents notifications held for a peer whose socket does not drain (beyond it the
 *     connection closes), and committed transactions queued for a session that has not taken them
 *     yet (beyond it the session drops back to catch-up and reads them from the log), so a slow
 *     peer never grows memory without bound
 */
public record Limits(
    int maxFrameBytes, int maxMessageBytes, int maxPendingFrames, int maxHeldEvents) {

  public Limits {
    if (maxFrameBytes <= 0 || maxMessageBytes < maxFrameBytes) {
      throw new IllegalArgumentException(
          "frame limit "
              + maxFrameBytes
              + " must be positive and at most message limit "
              + maxMessageBytes);
    }
    if (maxPendingFrames <= 1 || maxHeldEvents <= 0) {
      throw new IllegalArgumentException(
          "pending frames "
              + maxPendingFrames
              + " and held events "
              + maxHeldEvents
              + " must be positive");
    }
  }

  /**
   * 16 MiB frames and messages (the protocol's own frame limit), 32 pending frames, 4,096 held
   * events.
   */
  public static Limits defaults() {
    return new Limits(16 << 20, 16 << 20, 32, 4096);
  }
}
