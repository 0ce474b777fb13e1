package io.pluresdb.engine.api;

import java.nio.file.Path;
import org.jspecify.annotations.Nullable;

/**
 * The JSON Web Tokens of a node: the one it presents to the peers it dials (a user's device), and
 * how it verifies the ones peers present (a hub): an HS256 secret in a file, or the RS256/ES256
 * public keys of a JWKS file, and the audience a token must name.
 *
 * @param jwt the token this node presents instead of the shared token, or null
 * @param secretFile file holding the HS256 secret (at least 32 bytes; a trailing newline is not
 *     part of it), or null
 * @param jwks JWKS file of the verification keys, or null
 * @param audience the audience ({@code aud}) a presented token must name, or null for any
 */
public record JwtSettings(
    @Nullable String jwt,
    @Nullable Path secretFile,
    @Nullable Path jwks,
    @Nullable String audience) {

  /** No tokens presented or verified. */
  public static JwtSettings none() {
    return new JwtSettings(null, null, null, null);
  }

  /** True when this node verifies the tokens peers present. */
  public boolean verifies() {
    return secretFile != null || jwks != null;
  }
}
