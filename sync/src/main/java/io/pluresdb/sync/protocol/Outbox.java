package io.pluresdb.sync.protocol;

import io.pluresdb.crdt.op.LogEntry;
import java.util.List;

/**
 * Where a {@link PeerSession}'s output goes. The transport sends frames in call order and closes
 * the connection when asked; both calls return at once (the transport queues), so a session never
 * waits on the network.
 */
public interface Outbox {
  /** Sends one binary frame (an encoded message). */
  void send(byte[] frame);

  /**
   * Sends one batch frame: {@code head} ({@link MessageCodec#batchHead}) followed by the {@link
   * MessageCodec#recordField} of each entry, in order. A transport that serves many peers overrides
   * it to send the bytes of a transaction it encoded once for all of them.
   */
  default void sendBatch(byte[] head, List<LogEntry> entries) {
    int size = head.length;
    for (LogEntry e : entries) {
      size += MessageCodec.recordFieldLength(e.record());
    }
    byte[] frame = new byte[size];
    System.arraycopy(head, 0, frame, 0, head.length);
    int at = head.length;
    for (LogEntry e : entries) {
      byte[] field = MessageCodec.recordField(e.record());
      System.arraycopy(field, 0, frame, at, field.length);
      at += field.length;
    }
    send(frame);
  }

  /** Closes the connection after the frames already sent, giving the peer {@code reason}. */
  void close(CloseReason reason);
}
