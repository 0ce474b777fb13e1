package io.pluresdb.sync.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One secret shared by every node of a database (the {@code token=} URL property): a peer that
 * presents it is admitted and may read and write everything; any other peer is refused. The
 * comparison takes the same time whatever the presented token, so timing does not reveal it.
 * Immutable and thread-safe.
 */
public final class SharedTokenAgent implements FullAccess {
  private final byte[] secret;

  public SharedTokenAgent(String token) {
    Objects.requireNonNull(token, "token");
    if (token.isEmpty()) {
      throw new IllegalArgumentException("a shared token must not be empty");
    }
    this.secret = token.getBytes(StandardCharsets.UTF_8);
  }

  @Override
  public @Nullable Principal admit(@Nullable String token, String peerNode) {
    if (token == null || !MessageDigest.isEqual(secret, token.getBytes(StandardCharsets.UTF_8))) {
      return null;
    }
    return new Principal("token holder " + peerNode, peerNode);
  }
}
