package io.pluresdb.crdt.sign;

import io.pluresdb.crdt.op.RecordSigner;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;

/**
 * A node's Ed25519 key pair, which signs every transaction record the node writes. It is kept in
 * the node's database file as {@link #privateText} (PKCS#8, base64, the encoding the JDK and other
 * tools read), never sent anywhere; the raw public key travels in the node's first record.
 *
 * <p>A restored key takes its public half as stored and checks it against the private half when it
 * first signs, not when the store opens: deriving it computes Bouncy Castle's tables of the curve,
 * which costs a cold JVM more than a hundred milliseconds that a connection reading its first row
 * does not need to pay. A stored pair that does not match never signs.
 *
 * <p>Thread-safe: immutable but for the check, which is idempotent; signing (Bouncy Castle's RFC
 * 8032 code, see {@link Ed25519}) is given the public key, so it never derives it again.
 */
public final class NodeKey implements RecordSigner {
  /** PKCS#8 v1 for an Ed25519 private key, before its 32-byte seed (RFC 8410). */
  private static final byte[] PKCS8_HEADER = {
    0x30, 0x2e, 0x02, 0x01, 0x00, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x04, 0x22, 0x04, 0x20
  };

  private static final SecureRandom RANDOM = new SecureRandom();

  private final byte[] seed;
  private final byte[] publicKey;

  /**
   * Whether {@link #publicKey} is known to be the seed's: derived from it or checked against it.
   */
  private volatile boolean checked;

  private NodeKey(byte[] seed, byte[] publicKey, boolean checked) {
    this.seed = seed;
    this.publicKey = publicKey;
    this.checked = checked;
  }

  private static byte[] derive(byte[] seed) {
    byte[] publicKey = new byte[Ed25519.KEY_BYTES];
    org.bouncycastle.math.ec.rfc8032.Ed25519.generatePublicKey(seed, 0, publicKey, 0);
    return publicKey;
  }

  /** A new random key pair. */
  public static NodeKey generate() {
    byte[] seed = new byte[Ed25519.KEY_BYTES];
    org.bouncycastle.math.ec.rfc8032.Ed25519.generatePrivateKey(RANDOM, seed);
    return new NodeKey(seed, derive(seed), true);
  }

  /**
   * The key pair kept as {@code privateText} and {@code publicKey}; fails with
   * IllegalArgumentException if they are not Ed25519 keys. Whether the two halves are one pair is
   * checked when the key first signs.
   */
  public static NodeKey restore(String privateText, byte[] publicKey) {
    byte[] der = Base64.getDecoder().decode(privateText);
    if (der.length != PKCS8_HEADER.length + Ed25519.KEY_BYTES
        || !Arrays.equals(der, 0, PKCS8_HEADER.length, PKCS8_HEADER, 0, PKCS8_HEADER.length)) {
      throw new IllegalArgumentException("stored node key is not an Ed25519 PKCS#8 key");
    }
    if (publicKey.length != Ed25519.KEY_BYTES) {
      throw new IllegalArgumentException("stored node public key is not an Ed25519 key");
    }
    return new NodeKey(
        Arrays.copyOfRange(der, PKCS8_HEADER.length, der.length), publicKey.clone(), false);
  }

  /**
   * Fails with IllegalStateException when the public key this key was restored with is not its
   * private key's.
   */
  public void check() {
    if (!checked) {
      if (!MessageDigest.isEqual(derive(seed), publicKey)) {
        throw new IllegalStateException("the stored public key does not match the private key");
      }
      checked = true;
    }
  }

  /** The private key as kept in the database: PKCS#8, base64. */
  public String privateText() {
    byte[] der = Arrays.copyOf(PKCS8_HEADER, PKCS8_HEADER.length + seed.length);
    System.arraycopy(seed, 0, der, PKCS8_HEADER.length, seed.length);
    return Base64.getEncoder().encodeToString(der);
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
    check();
    byte[] signature = new byte[Ed25519.SIGNATURE_BYTES];
    org.bouncycastle.math.ec.rfc8032.Ed25519.sign(
        seed, 0, publicKey, 0, data, 0, length, signature, 0);
    return signature;
  }
}
