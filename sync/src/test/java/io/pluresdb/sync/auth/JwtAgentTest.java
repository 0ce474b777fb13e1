package io.pluresdb.sync.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.pluresdb.sync.auth.PolicyAgent.Principal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JwtAgentTest {
  private static final String SECRET = "0123456789abcdef0123456789abcdef-test";
  private static final String NODE = "00000000000a";

  static String token(JWSSigner signer, JWSAlgorithm alg, String kid, JWTClaimsSet claims)
      throws JOSEException {
    SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(alg).keyID(kid).build(), claims);
    jwt.sign(signer);
    return jwt.serialize();
  }

  static JWTClaimsSet.Builder claims(String sub, long expiresInSeconds) {
    return new JWTClaimsSet.Builder()
        .subject(sub)
        .expirationTime(Date.from(Instant.now().plusSeconds(expiresInSeconds)));
  }

  static String hs256(String secret, JWTClaimsSet claims) throws JOSEException {
    return token(
        new MACSigner(secret.getBytes(StandardCharsets.UTF_8)), JWSAlgorithm.HS256, "k", claims);
  }

  @Test
  void anHs256TokenAdmitsItsSubjectWithItsClaims() throws Exception {
    JwtAgent agent = JwtAgent.hmac(SECRET.getBytes(StandardCharsets.UTF_8), null, null);
    Principal p =
        agent.admit(hs256(SECRET, claims("alice", 600).claim("team", "red").build()), NODE);
    assertThat(p).isNotNull();
    assertThat(p.name()).isEqualTo("alice");
    assertThat(p.peerNode()).isEqualTo(NODE);
    assertThat(p.user()).isNotNull();
    assertThat(p.user().subject()).isEqualTo("alice");
    assertThat(p.user().claims()).containsEntry("team", "red");
    assertThat(agent.mayChangeSchema(p)).isFalse();
  }

  @Test
  void expiredForgedAndMisaddressedTokensAreRefusedWithTheirReason() throws Exception {
    JwtAgent agent = JwtAgent.hmac(SECRET.getBytes(StandardCharsets.UTF_8), "hub", null);
    String expired = hs256(SECRET, claims("alice", -3600).audience("hub").build());
    assertThatThrownBy(() -> agent.admit(expired, NODE))
        .isInstanceOf(TokenRefused.class)
        .hasMessageContaining("Expired JWT")
        .hasMessageContaining(NODE);
    String forged =
        hs256("another-secret-of-thirty-two-bytes!!", claims("alice", 600).audience("hub").build());
    assertThatThrownBy(() -> agent.admit(forged, NODE))
        .isInstanceOf(TokenRefused.class)
        .hasMessageContaining("Invalid signature");
    String elsewhere = hs256(SECRET, claims("alice", 600).audience("other").build());
    assertThatThrownBy(() -> agent.admit(elsewhere, NODE))
        .isInstanceOf(TokenRefused.class)
        .hasMessageContaining("aud claim rejected");
    String noExpiry =
        hs256(SECRET, new JWTClaimsSet.Builder().subject("alice").audience("hub").build());
    assertThatThrownBy(() -> agent.admit(noExpiry, NODE))
        .isInstanceOf(TokenRefused.class)
        .hasMessageContaining("exp");
  }

  @Test
  void rs256AndEs256TokensAreVerifiedWithTheKeysOfAJwksFile(@TempDir Path dir) throws Exception {
    RSAKey rsa = new RSAKeyGenerator(2048).keyID("rsa1").generate();
    ECKey ec = new ECKeyGenerator(Curve.P_256).keyID("ec1").generate();
    Path jwks = dir.resolve("jwks.json");
    Files.writeString(jwks, new JWKSet(List.of(rsa.toPublicJWK(), ec.toPublicJWK())).toString());
    JwtAgent agent = JwtAgent.load(null, jwks, null, null);

    String byRsa =
        token(new RSASSASigner(rsa), JWSAlgorithm.RS256, "rsa1", claims("bob", 600).build());
    String byEc =
        token(new ECDSASigner(ec), JWSAlgorithm.ES256, "ec1", claims("carol", 600).build());
    assertThat(agent.admit(byRsa, NODE).name()).isEqualTo("bob");
    assertThat(agent.admit(byEc, NODE).name()).isEqualTo("carol");

    ECKey stranger = new ECKeyGenerator(Curve.P_256).keyID("ec1").generate();
    String byStranger =
        token(new ECDSASigner(stranger), JWSAlgorithm.ES256, "ec1", claims("carol", 600).build());
    assertThatThrownBy(() -> agent.admit(byStranger, NODE)).isInstanceOf(TokenRefused.class);
    // an HS256 token is not accepted where keys are public ones
    String hmac = hs256(SECRET, claims("dave", 600).build());
    assertThatThrownBy(() -> agent.admit(hmac, NODE)).isInstanceOf(TokenRefused.class);
  }

  @Test
  void theSharedTokenStaysOneTrustedPrincipal(@TempDir Path dir) throws Exception {
    Path secret = dir.resolve("secret.key");
    Files.writeString(secret, SECRET + "\n");
    JwtAgent agent = JwtAgent.load(secret, null, null, new SharedTokenAgent("s3cret"));
    Principal holder = agent.admit("s3cret", NODE);
    assertThat(holder).isNotNull();
    assertThat(holder.user()).isNull();
    assertThat(agent.mayChangeSchema(holder)).isTrue();
    assertThat(agent.admit("guess", NODE)).isNull();
    assertThat(agent.admit(null, NODE)).isNull();
    // the secret file's line break is not part of the secret
    assertThat(agent.admit(hs256(SECRET, claims("alice", 600).build()), NODE).name())
        .isEqualTo("alice");
  }

  @Test
  void aShortSecretIsRefused() {
    assertThatThrownBy(() -> JwtAgent.hmac(new byte[16], null, null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("32 bytes");
  }
}
