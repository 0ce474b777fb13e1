package io.pluresdb.sync.auth;

import org.jspecify.annotations.Nullable;

/**
 * The default policy: every peer is admitted (named after its node) and may read and write every
 * collection. Fit for loopback and trusted networks only. Stateless and thread-safe.
 */
public final class PermissiveAgent implements FullAccess {
  @Override
  public @Nullable Principal admit(@Nullable String token, String peerNode) {
    return new Principal("node " + peerNode, peerNode);
  }
}
