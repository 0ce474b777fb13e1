package io.pluresdb.driver.engine;

import io.pluresdb.driver.replication.ReplicationSettings;
import io.pluresdb.driver.url.ConnectionUrl;
import io.pluresdb.driver.url.PluresProperty;
import java.sql.SQLException;
import java.time.Duration;

/**
 * The properties that shape a whole engine rather than one connection. Connections that share an
 * engine must agree on them.
 *
 * @param synchronousFull {@code synchronous=FULL}
 * @param maxClockDrift the refused-future window for remote operations
 * @param node the node id to create the database with, or null
 * @param replication the listener, peers, token and TLS of the replicator
 */
public record EngineSettings(
    boolean synchronousFull, Duration maxClockDrift, String node, ReplicationSettings replication) {

  public static EngineSettings of(ConnectionUrl url) throws SQLException {
    return new EngineSettings(
        "FULL".equals(url.get(PluresProperty.SYNCHRONOUS)),
        Duration.ofMillis(url.getMillis(PluresProperty.MAX_CLOCK_DRIFT)),
        url.get(PluresProperty.NODE),
        ReplicationSettings.of(url));
  }

  /**
   * The first property in which {@code other} asks for something this engine does not run with, or
   * null when a connection asking for {@code other} may share this engine. A connection that does
   * not name a node accepts any.
   */
  String conflictWith(EngineSettings other) {
    if (synchronousFull != other.synchronousFull) {
      return PluresProperty.SYNCHRONOUS.key() + "=" + (synchronousFull ? "FULL" : "NORMAL");
    }
    if (!maxClockDrift.equals(other.maxClockDrift)) {
      return PluresProperty.MAX_CLOCK_DRIFT.key() + "=" + maxClockDrift.toMillis();
    }
    if (other.node != null && !other.node.equals(node)) {
      return PluresProperty.NODE.key() + "=" + node;
    }
    // a connection without replication properties joins whatever replication runs
    if (other.replication.enabled() && !other.replication.equals(replication)) {
      return "replication " + describe(replication);
    }
    return null;
  }

  private static String describe(ReplicationSettings r) {
    return r.enabled()
        ? PluresProperty.LISTEN.key()
            + "="
            + r.listen()
            + ", "
            + PluresProperty.PEERS.key()
            + "="
            + r.peers()
        : "off";
  }
}
