package io.pluresdb.crdt.sign;

import io.pluresdb.crdt.op.RecordSigner;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;

/**
 * A node's Ed25519 key pair, which signs every transaction record the node writes. It is kept in
 * the node's database file as {@link #privateText} (PKCS#8, base64), never sent anywhere; the raw
 * public key travels in the node's first record.
 *
 * <p>Thread-safe: immutable but for one {@link Signature} per thread, initialized once, because
 * initializing one for signing derives the public key again (a scalar multiplication that would
 * double the cost of each signature).
 */
public final class NodeKey implements RecordSigner {
  private final PrivateKey privateKey;
  private final byte[] publicKey;
  private final ThreadLocal<Signature> signers;

  private NodeKey(PrivateKey privateKey, byte[] publicKey) {
    this.privateKey = privateKey;
    this.publicKey = publicKey;
    this.signers = ThreadLocal.withInitial(this::newSigner);
  }

  private Signature newSigner() {
    try {
      Signature s = Signature.getInstance("Ed25519");
      s.initSign(privateKey);
      return s;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Ed25519 is required by the Java platform", e);
    }
  }

  /** A new random key pair. */
  public static NodeKey generate() {
    try {
      KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
      return new NodeKey(pair.getPrivate(), Ed25519.raw(pair.getPublic()));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Ed25519 is required by the Java platform", e);
    }
  }

  /**
   * The key pair kept as {@code privateText} and {@code publicKey}; fails with
   * IllegalArgumentException if they are not an Ed25519 pair.
   */
  public static NodeKey restore(String privateText, byte[] publicKey) {
    try {
      PrivateKey p =
          KeyFactory.getInstance("Ed25519")
              .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(privateText)));
      NodeKey key = new NodeKey(p, publicKey.clone());
      byte[] probe = {1, 2, 3};
      if (!Ed25519.verify(publicKey, probe, probe.length, key.sign(probe, probe.length), 0)) {
        throw new IllegalArgumentException("the stored public key does not match the private key");
      }
      return key;
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException("stored node key is not an Ed25519 key: " + e, e);
    }
  }

  /** The private key as kept in the database: PKCS#8, base64. */
  public String privateText() {
    return Base64.getEncoder().encodeToString(privateKey.getEncoded());
  }

  @Override
  public byte[] publicKey() {
    return publicKey.clone();
  }

  /** The node id this key stands for (see {@link Ed25519#fingerprint}). */
  public long fingerprint() {
    return Ed25519.fingerprint(publicKey);
  }

  @Override
  public byte[] sign(byte[] data, int length) {
    try {
      // sign() leaves the instance ready for the next signature with the same key
      Signature s = signers.get();
      s.update(data, 0, length);
      return s.sign();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Ed25519 signing failed", e);
    }
  }
}
