package io.pluresdb.tck.sync;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;

/** HS256 tokens for users of a hub, signed as an identity provider would sign them. */
final class Jwts {
  static final String SECRET = "the-hub-s-secret-of-at-least-32-bytes";

  private Jwts() {}

  /** Writes the secret to a file in {@code dir} and returns its path. */
  static Path secretFile(Path dir) {
    Path f = dir.resolve("jwt-secret.key");
    try {
      Files.writeString(f, SECRET + "\n", StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return f;
  }

  /** A token for {@code sub} with {@code claims}, expiring {@code valid} from now, signed. */
  static String token(String secret, String sub, Map<String, Object> claims, Duration valid) {
    JWTClaimsSet.Builder b =
        new JWTClaimsSet.Builder()
            .subject(sub)
            .expirationTime(Date.from(Instant.now().plus(valid)));
    claims.forEach(b::claim);
    SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), b.build());
    try {
      jwt.sign(new MACSigner(secret.getBytes(StandardCharsets.UTF_8)));
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
    return jwt.serialize();
  }

  /** A valid token of the hub's secret for an hour. */
  static String token(String sub, Map<String, Object> claims) {
    return token(SECRET, sub, claims, Duration.ofHours(1));
  }
}
