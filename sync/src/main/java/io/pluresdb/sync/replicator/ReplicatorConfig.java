package io.pluresdb.sync.replicator;

import io.pluresdb.sync.netty.Admission;
import io.pluresdb.sync.netty.Limits;
import io.pluresdb.sync.netty.TlsSettings;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.List;

/**
 * How a replicator runs.
 *
 * @param listen the address to accept peers on, or null to accept none (port 0 picks a free port)
 * @param peers the peers to connect to ({@code ws://} or {@code wss://} URLs)
 * @param token the shared secret; required when listening on a non-loopback address
 * @param tls key store of the listener and trust of the client
 * @param limits per-connection size and backpressure bounds
 * @param admission how many connections a listener accepts and how long they may take to upgrade
 * @param tickInterval how often sessions are ticked (heartbeats, idle timeouts)
 * @param backoff delays between reconnection attempts
 */
public record ReplicatorConfig(
    InetSocketAddress listen,
    List<URI> peers,
    String token,
    TlsSettings tls,
    Limits limits,
    Admission admission,
    Duration tickInterval,
    Backoff backoff) {

  public ReplicatorConfig {
    peers = List.copyOf(peers);
  }

  /** Listening and connecting as given, with default TLS (none), limits, ticks and backoff. */
  public static ReplicatorConfig of(InetSocketAddress listen, List<URI> peers, String token) {
    return new ReplicatorConfig(
        listen,
        peers,
        token,
        TlsSettings.none(),
        Limits.defaults(),
        Admission.defaults(),
        Duration.ofMillis(500),
        Backoff.defaults());
  }

  public ReplicatorConfig withTls(TlsSettings t) {
    return new ReplicatorConfig(listen, peers, token, t, limits, admission, tickInterval, backoff);
  }

  public ReplicatorConfig withLimits(Limits l) {
    return new ReplicatorConfig(listen, peers, token, tls, l, admission, tickInterval, backoff);
  }

  public ReplicatorConfig withAdmission(Admission a) {
    return new ReplicatorConfig(listen, peers, token, tls, limits, a, tickInterval, backoff);
  }

  public ReplicatorConfig withBackoff(Backoff b) {
    return new ReplicatorConfig(listen, peers, token, tls, limits, admission, tickInterval, b);
  }

  public ReplicatorConfig withTickInterval(Duration d) {
    return new ReplicatorConfig(listen, peers, token, tls, limits, admission, d, backoff);
  }
}
