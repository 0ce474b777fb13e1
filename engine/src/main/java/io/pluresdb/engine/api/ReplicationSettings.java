package io.pluresdb.engine.api;

import io.pluresdb.sync.netty.Admission;
import io.pluresdb.sync.netty.TlsSettings;
import io.pluresdb.sync.protocol.SyncConfig;
import io.pluresdb.sync.replicator.ReplicatorConfig;
import io.pluresdb.sync.scope.Scope;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What an engine replicates with: where it listens, which peers it dials, the shared token and the
 * TLS settings.
 *
 * @param listen where to accept peers, or null
 * @param peers the peer URLs, possibly empty
 * @param token the shared secret, or null
 * @param tls key store and trust settings
 * @param admission how many peer connections a listener accepts and how long they may take to
 *     become sessions
 * @param maxParkedPerPeer a session closes once more of its peer's transactions than this are
 *     parked (received but not applicable yet); what is parked stays
 * @param jwt the token this node presents and how it verifies those of its peers
 * @param scopes the scopes this node starts with (CREATE SCOPE adds more)
 */
public record ReplicationSettings(
    @Nullable InetSocketAddress listen,
    List<URI> peers,
    @Nullable String token,
    TlsSettings tls,
    Admission admission,
    int maxParkedPerPeer,
    JwtSettings jwt,
    List<Scope> scopes) {

  public ReplicationSettings {
    peers = List.copyOf(peers);
    scopes = List.copyOf(scopes);
    if (maxParkedPerPeer < 1) {
      throw new IllegalArgumentException(
          "the bound on parked transactions per peer must be positive, got " + maxParkedPerPeer);
    }
  }

  /** Settings without scopes. */
  public ReplicationSettings(
      @Nullable InetSocketAddress listen,
      List<URI> peers,
      @Nullable String token,
      TlsSettings tls,
      Admission admission,
      int maxParkedPerPeer,
      JwtSettings jwt) {
    this(listen, peers, token, tls, admission, maxParkedPerPeer, jwt, List.of());
  }

  /** Settings without JSON Web Tokens. */
  public ReplicationSettings(
      @Nullable InetSocketAddress listen,
      List<URI> peers,
      @Nullable String token,
      TlsSettings tls,
      Admission admission,
      int maxParkedPerPeer) {
    this(listen, peers, token, tls, admission, maxParkedPerPeer, JwtSettings.none());
  }

  /** Settings with the default bound on parked transactions. */
  public ReplicationSettings(
      @Nullable InetSocketAddress listen,
      List<URI> peers,
      @Nullable String token,
      TlsSettings tls,
      Admission admission) {
    this(listen, peers, token, tls, admission, SyncConfig.DEFAULT_MAX_PARKED);
  }

  /** Settings with the default admission bounds. */
  public ReplicationSettings(
      @Nullable InetSocketAddress listen,
      List<URI> peers,
      @Nullable String token,
      TlsSettings tls) {
    this(listen, peers, token, tls, Admission.defaults());
  }

  /** True when the engine listens for peers or dials any. */
  public boolean enabled() {
    return listen != null || !peers.isEmpty();
  }

  /** The replicator's configuration. */
  public ReplicatorConfig toConfig() {
    return ReplicatorConfig.of(listen, peers, token).withTls(tls).withAdmission(admission);
  }
}
