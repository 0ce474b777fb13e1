package io.pluresdb.sync.auth;

/**
 * The default policy: every peer is admitted (named after its node) and may read and write every
 * collection. Fit for loopback and trusted networks only. Stateless and thread-safe.
 */
public final class PermissiveAgent implements PolicyAgent {
  @Override
  public Principal admit(String token, String peerNode) {
    return new Principal("node " + peerNode, peerNode);
  }

  @Override
  public boolean mayRead(Principal who, String collection) {
    return true;
  }

  @Override
  public boolean mayReadAll(Principal who) {
    return true;
  }

  @Override
  public boolean mayWrite(Principal who, String collection) {
    return true;
  }
}
