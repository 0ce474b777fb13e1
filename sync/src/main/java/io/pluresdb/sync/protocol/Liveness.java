package io.pluresdb.sync.protocol;

import java.time.Clock;
import java.time.Instant;

/**
 * Whether the peer is still there: when it was last heard from and how much it sent. A session that
 * hears nothing for the idle timeout closes; one that has sent nothing for the heartbeat interval
 * pings, so the peer's own timeout does not fire on a quiet but healthy connection.
 *
 * <p>Not thread-safe: owned by one {@link Session}; time comes from the config's clock, so tests
 * drive it.
 */
final class Liveness {
  private final SyncConfig config;
  private final Wire wire;
  private Instant lastHeard;
  private long lastHeardMillis;
  private long bytesReceived;

  Liveness(SyncConfig config, Wire wire) {
    this.config = config;
    this.wire = wire;
  }

  /** The connection opened: silence is counted from now. */
  void started() {
    lastHeardMillis = config.clock().millis();
  }

  /** A frame of {@code bytes} arrived. */
  void heard(int bytes) {
    Clock clock = config.clock();
    bytesReceived += bytes;
    lastHeardMillis = clock.millis();
    lastHeard = clock.instant();
  }

  /**
   * How long the peer has been silent at {@code now}, if that reaches the idle timeout; else -1.
   */
  long idleMillis(long now) {
    long silent = now - lastHeardMillis;
    return silent >= config.idleTimeout().toMillis() ? silent : -1;
  }

  /** Whether at {@code now} this end has been quiet for the heartbeat interval and should ping. */
  boolean pingDue(long now) {
    return now - wire.lastSentMillis() >= config.heartbeatInterval().toMillis();
  }

  /** When a frame last arrived, or null before the first. */
  Instant lastHeard() {
    return lastHeard;
  }

  long bytesReceived() {
    return bytesReceived;
  }
}
