package io.pluresdb.driver.engine;

import io.pluresdb.driver.url.ConnectionUrl;
import io.pluresdb.driver.url.PluresProperty;
import java.time.Duration;

/**
 * The properties that shape a whole engine rather than one connection. Connections that share an
 * engine must agree on them.
 *
 * @param synchronousFull {@code synchronous=FULL}
 * @param maxClockDrift the refused-future window for remote operations
 * @param node the node id to create the database with, or null
 */
public record EngineSettings(boolean synchronousFull, Duration maxClockDrift, String node) {

  public static EngineSettings of(ConnectionUrl url) {
    return new EngineSettings(
        "FULL".equals(url.get(PluresProperty.SYNCHRONOUS)),
        Duration.ofMillis(url.getMillis(PluresProperty.MAX_CLOCK_DRIFT)),
        url.get(PluresProperty.NODE));
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
    return null;
  }
}
