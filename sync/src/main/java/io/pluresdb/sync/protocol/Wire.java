package io.pluresdb.sync.protocol;

import io.pluresdb.crdt.op.LogEntry;
import java.util.List;

/**
 * Encodes a session's outgoing messages onto its {@link Outbox} and counts what went out.
 *
 * <p>Not thread-safe: owned by one session.
 */
final class Wire {
  private final java.time.Clock clock;
  private long bytesSent;
  private long lastSentMillis;

  Wire(java.time.Clock clock) {
    this.clock = clock;
    this.lastSentMillis = clock.millis();
  }

  void send(Message m, Outbox out) {
    sendFrame(MessageCodec.encode(m), out);
  }

  void sendFrame(byte[] frame, Outbox out) {
    bytesSent += frame.length;
    lastSentMillis = clock.millis();
    out.send(frame);
  }

  /** Sends a batch of log entries as one frame (see {@link Outbox#sendBatch}). */
  void sendBatch(long seqNo, List<LogEntry> entries, Outbox out) {
    byte[] head = MessageCodec.batchHead(seqNo, entries.size());
    long size = head.length;
    for (LogEntry e : entries) {
      size += MessageCodec.recordFieldLength(e.record());
    }
    bytesSent += size;
    lastSentMillis = clock.millis();
    out.sendBatch(head, entries);
  }

  long bytesSent() {
    return bytesSent;
  }

  long lastSentMillis() {
    return lastSentMillis;
  }
}
