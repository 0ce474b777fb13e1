package io.pluresdb.sync.protocol;

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

  long bytesSent() {
    return bytesSent;
  }

  long lastSentMillis() {
    return lastSentMillis;
  }
}
