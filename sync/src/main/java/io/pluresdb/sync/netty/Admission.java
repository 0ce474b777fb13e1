package io.pluresdb.sync.netty;

import java.time.Duration;

/**
 * Who a listener lets in, and for how long before they must have become a WebSocket session: a
 * connection that has not finished its HTTP request and WebSocket upgrade within the deadline is
 * closed, and connections beyond the bounds (in total, or from one remote address) are closed as
 * soon as they are accepted. Nothing is written for a connection that goes away this way. A
 * WebSocket session beyond the session bound is refused with a close frame that says so.
 *
 * @param requestDeadline how long a connection may take from accept to a completed upgrade
 * @param maxConnections connections open at once, over all remote addresses
 * @param maxConnectionsPerAddress connections open at once from one remote address
 * @param maxSessions sessions (upgraded connections) the listener serves at once
 */
public record Admission(
    Duration requestDeadline, int maxConnections, int maxConnectionsPerAddress, int maxSessions) {

  /** Bounds with as many sessions as connections. */
  public Admission(Duration requestDeadline, int maxConnections, int maxConnectionsPerAddress) {
    this(requestDeadline, maxConnections, maxConnectionsPerAddress, maxConnections);
  }

  public Admission {
    if (requestDeadline.isNegative() || requestDeadline.isZero()) {
      throw new IllegalArgumentException(
          "the request deadline must be positive: " + requestDeadline);
    }
    if (maxConnections <= 0 || maxConnectionsPerAddress <= 0 || maxSessions <= 0) {
      throw new IllegalArgumentException(
          "connection bounds must be positive: "
              + maxConnections
              + " in all, "
              + maxConnectionsPerAddress
              + " per address, "
              + maxSessions
              + " sessions");
    }
  }

  /** 10 seconds to upgrade, 1,024 connections (and sessions) in all, 64 from one address. */
  public static Admission defaults() {
    return new Admission(Duration.ofSeconds(10), 1024, 64);
  }

  /** These bounds with at most {@code n} sessions at once. */
  public Admission withMaxSessions(int n) {
    return new Admission(requestDeadline, maxConnections, maxConnectionsPerAddress, n);
  }
}
