package io.pluresdb.sync.auth;

/**
 * Thrown by {@link PolicyAgent#admit} when a presented credential is refused for a reason worth
 * telling the peer (an expired token, a bad signature, a wrong audience); the session closes with
 * it as its reason, and nothing is written.
 */
public final class TokenRefused extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public TokenRefused(String message) {
    super(message);
  }
}
