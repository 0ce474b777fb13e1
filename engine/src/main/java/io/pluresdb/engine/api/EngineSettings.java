package io.pluresdb.engine.api;

import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * The properties that shape a whole engine rather than one connection. Connections that share an
 * engine must agree on them.
 *
 * @param synchronousFull {@code synchronous=FULL}
 * @param maxClockDrift the refused-future window for remote operations
 * @param clockOffset how far this node's clock runs ahead of the system clock (negative: behind);
 *     zero but in tests of clock skew
 * @param node the node id to create the database with, or null
 * @param replication the listener, peers, token and TLS of the replicator
 * @param historyRetention how long history is kept before compaction may fold it away, or null for
 *     the default ({@link #DEFAULT_RETENTION}); a connection that does not name one accepts any
 */
public record EngineSettings(
    boolean synchronousFull,
    Duration maxClockDrift,
    Duration clockOffset,
    @Nullable String node,
    ReplicationSettings replication,
    @Nullable Duration historyRetention) {
  /** The retention of an engine whose first connection names none. */
  public static final Duration DEFAULT_RETENTION = Duration.ofDays(7);

  /** The retention this engine runs with. */
  public Duration retention() {
    return historyRetention == null ? DEFAULT_RETENTION : historyRetention;
  }

  /**
   * The first property in which {@code other} asks for something this engine does not run with, or
   * null when a connection asking for {@code other} may share this engine. A connection that does
   * not name a node accepts any.
   */
  public @Nullable String conflictWith(EngineSettings other) {
    if (synchronousFull != other.synchronousFull) {
      return "synchronous=" + (synchronousFull ? "FULL" : "NORMAL");
    }
    if (!maxClockDrift.equals(other.maxClockDrift)) {
      return "max_clock_drift=" + maxClockDrift.toMillis();
    }
    if (!clockOffset.equals(other.clockOffset)) {
      return "clock_offset=" + clockOffset.toMillis();
    }
    if (other.historyRetention != null && !other.historyRetention.equals(retention())) {
      return "history_retention=" + retention();
    }
    if (other.node != null && !other.node.equals(node)) {
      return "node=" + node;
    }
    // a connection without replication properties joins whatever replication runs
    if (other.replication.enabled() && !other.replication.equals(replication)) {
      return "replication " + describe(replication);
    }
    return null;
  }

  private static String describe(ReplicationSettings r) {
    return r.enabled() ? "listen=" + r.listen() + ", peers=" + r.peers() : "off";
  }
}
