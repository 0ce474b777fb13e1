package io.pluresdb.engine.api;

import io.pluresdb.sync.netty.TlsSettings;
import io.pluresdb.sync.replicator.ReplicatorConfig;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;

/**
 * What an engine replicates with: where it listens, which peers it dials, the shared token and the
 * TLS settings.
 *
 * @param listen where to accept peers, or null
 * @param peers the peer URLs, possibly empty
 * @param token the shared secret, or null
 * @param tls key store and trust settings
 */
public record ReplicationSettings(
    InetSocketAddress listen, List<URI> peers, String token, TlsSettings tls) {

  public ReplicationSettings {
    peers = List.copyOf(peers);
  }

  /** Reads and checks the URL's replication properties. */
  public boolean enabled() {
    return listen != null || !peers.isEmpty();
  }

  /** The replicator's configuration. */
  public ReplicatorConfig toConfig() {
    return ReplicatorConfig.of(listen, peers, token).withTls(tls);
  }

  /** {@code host:port} (IPv6 in brackets); port 0 picks a free port. */
}
