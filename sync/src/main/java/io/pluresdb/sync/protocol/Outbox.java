package io.pluresdb.sync.protocol;

/**
 * Where a {@link PeerSession}'s output goes. The transport sends frames in call order and closes
 * the connection when asked; both calls return at once (the transport queues), so a session never
 * waits on the network.
 */
public interface Outbox {
  /** Sends one binary frame (an encoded message). */
  void send(byte[] frame);

  /** Closes the connection after the frames already sent, giving the peer {@code reason}. */
  void close(CloseReason reason);
}
