package io.pluresdb.sync.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSKeySelector;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.proc.SingleKeyJWSKeySelector;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.ConfigurableJWTProcessor;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.util.Set;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;

/**
 * Admits users by JSON Web Token: a token signed with HS256 by a shared secret, or with RS256 or
 * ES256 by a key of a JWKS; it must name its subject ({@code sub}) and its expiry ({@code exp}), be
 * unexpired (a minute of clock skew allowed) and, when an audience is configured, be meant for it.
 * The admitted principal acts for that user and is held to the tables' row policies. A credential
 * that is not a JWT goes to the shared-token agent, if any, whose holder keeps working as one
 * trusted principal. A refused JWT throws {@link TokenRefused} with the reason. Thread-safe.
 */
public final class JwtAgent implements FullAccess {
  private final ConfigurableJWTProcessor<SecurityContext> processor;
  private final @Nullable PolicyAgent shared;

  private JwtAgent(
      JWSKeySelector<SecurityContext> keys,
      @Nullable String audience,
      @Nullable PolicyAgent shared) {
    DefaultJWTProcessor<SecurityContext> p = new DefaultJWTProcessor<>();
    p.setJWSKeySelector(keys);
    p.setJWTClaimsSetVerifier(
        new DefaultJWTClaimsVerifier<>(
            audience, new JWTClaimsSet.Builder().build(), Set.of("sub", "exp")));
    this.processor = p;
    this.shared = shared;
  }

  /** Verifies HS256 tokens signed with {@code secret} (at least 32 bytes, as HS256 requires). */
  public static JwtAgent hmac(
      byte[] secret, @Nullable String audience, @Nullable PolicyAgent shared) {
    if (secret.length < 32) {
      throw new IllegalArgumentException(
          "a JWT secret needs at least 256 bits (32 bytes), this one has " + secret.length);
    }
    return new JwtAgent(
        // whatever key id a token names: the one secret verifies it
        new SingleKeyJWSKeySelector<>(JWSAlgorithm.HS256, new SecretKeySpec(secret, "HmacSHA256")),
        audience,
        shared);
  }

  /** Verifies RS256 and ES256 tokens signed by a key of {@code keys}. */
  public static JwtAgent jwks(
      JWKSet keys, @Nullable String audience, @Nullable PolicyAgent shared) {
    return new JwtAgent(
        new JWSVerificationKeySelector<>(
            Set.of(JWSAlgorithm.RS256, JWSAlgorithm.ES256), new ImmutableJWKSet<>(keys)),
        audience,
        shared);
  }

  /**
   * The agent of a secret file (HS256) or, without one, a JWKS file (RS256/ES256). A secret file's
   * trailing line break is not part of the secret.
   */
  public static JwtAgent load(
      @Nullable Path secretFile,
      @Nullable Path jwksFile,
      @Nullable String audience,
      @Nullable PolicyAgent shared)
      throws IOException, ParseException {
    if (secretFile != null) {
      String text = Files.readString(secretFile, StandardCharsets.UTF_8).stripTrailing();
      return hmac(text.getBytes(StandardCharsets.UTF_8), audience, shared);
    }
    if (jwksFile == null) {
      throw new IllegalArgumentException("neither a JWT secret file nor a JWKS file");
    }
    return jwks(JWKSet.load(jwksFile.toFile()), audience, shared);
  }

  @Override
  public @Nullable Principal admit(@Nullable String token, String peerNode) {
    if (token == null || !looksLikeJwt(token)) {
      return shared == null ? null : shared.admit(token, peerNode);
    }
    JWTClaimsSet claims;
    try {
      claims = processor.process(token, null);
    } catch (BadJOSEException | JOSEException | ParseException e) {
      throw new TokenRefused("the JWT of node " + peerNode + " is refused: " + e.getMessage());
    }
    String subject = claims.getSubject();
    if (subject == null || subject.isEmpty()) {
      throw new TokenRefused("the JWT of node " + peerNode + " names no subject");
    }
    return new Principal(subject, peerNode, new User(subject, claims.getClaims()));
  }

  /** Three base64url parts separated by dots: header, claims, signature. */
  static boolean looksLikeJwt(String token) {
    int dots = 0;
    for (int i = 0; i < token.length(); i++) {
      char c = token.charAt(i);
      if (c == '.') {
        dots++;
      } else if (!(Character.isLetterOrDigit(c) || c == '-' || c == '_')) {
        return false;
      }
    }
    return dots == 2 && token.length() > 10;
  }
}
