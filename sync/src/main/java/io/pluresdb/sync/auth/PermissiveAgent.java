package io.pluresdb.sync.auth;

/**
 * The default policy: every peer is admitted (named after its node) and may read and write every
 * collection. Fit for loopback and trusted networks only. Stateless and thread-safe.
 */
public final class PermissiveAgent implements FullAccess {
  @Override
  public Principal admit(String token, String peerNode) {
    return new Principal("node " + peerNode, peerNode);
  }
}
