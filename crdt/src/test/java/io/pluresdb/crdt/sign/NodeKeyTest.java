package io.pluresdb.crdt.sign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** Node keys are standard Ed25519: what the JDK signs or stores, they read, and the reverse. */
class NodeKeyTest {
  private static final byte[] X509_HEADER = {
    0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x21, 0x00
  };

  private static byte[] raw(KeyPair pair) {
    byte[] der = pair.getPublic().getEncoded();
    return Arrays.copyOfRange(der, der.length - Ed25519.KEY_BYTES, der.length);
  }

  @Test
  void aKeyPairStoredByTheJdkRestoresAndSignsWhatTheJdkVerifies() throws Exception {
    KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    String stored = Base64.getEncoder().encodeToString(pair.getPrivate().getEncoded());
    NodeKey key = NodeKey.restore(stored, raw(pair));
    assertThat(key.privateText()).isEqualTo(stored);
    byte[] data = "a transaction record".getBytes(StandardCharsets.UTF_8);
    byte[] signature = key.sign(data, data.length);
    Signature jdk = Signature.getInstance("Ed25519");
    byte[] der = Arrays.copyOf(X509_HEADER, X509_HEADER.length + Ed25519.KEY_BYTES);
    System.arraycopy(key.publicKey(), 0, der, X509_HEADER.length, Ed25519.KEY_BYTES);
    jdk.initVerify(KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(der)));
    jdk.update(data);
    assertThat(jdk.verify(signature)).isTrue();
  }

  @Test
  void aJdkSignatureVerifiesAndOneFlippedBitDoesNot() throws Exception {
    KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    byte[] data = "a transaction record".getBytes(StandardCharsets.UTF_8);
    Signature jdk = Signature.getInstance("Ed25519");
    jdk.initSign(pair.getPrivate());
    jdk.update(data);
    byte[] signature = jdk.sign();
    assertThat(Ed25519.verify(raw(pair), data, data.length, signature, 0)).isTrue();
    data[0] ^= 1;
    assertThat(Ed25519.verify(raw(pair), data, data.length, signature, 0)).isFalse();
  }

  @Test
  void aStoredPublicKeyThatIsNotThePrivateKeysIsRefused() {
    NodeKey a = NodeKey.generate();
    NodeKey b = NodeKey.generate();
    NodeKey mismatched = NodeKey.restore(a.privateText(), b.publicKey());
    // checked before the first signature, which it never makes
    assertThatThrownBy(mismatched::check)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("does not match");
    assertThatThrownBy(() -> mismatched.sign(new byte[8], 8))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("does not match");
    assertThatThrownBy(() -> NodeKey.restore(a.privateText(), new byte[3]))
        .isInstanceOf(IllegalArgumentException.class);
    NodeKey.restore(a.privateText(), a.publicKey()).check();
    assertThat(NodeKey.restore(a.privateText(), a.publicKey()).fingerprint())
        .isEqualTo(a.fingerprint());
  }
}
