package io.pluresdb.crdt.sign;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Ed25519 (RFC 8032, Bouncy Castle's implementation) over raw 32-byte public keys, the form records
 * carry: fingerprints and signature checks. Bouncy Castle's, not the JDK 17 provider, because a
 * check takes about 85 µs there against 770 µs in the JDK's, and every receiver checks every record
 * (see BENCHMARKS.md, Signing).
 *
 * <p>A fingerprint is a node id: the low 47 bits of the SHA-256 of the raw key, with bit 47 set.
 * The set bit marks an id as a fingerprint, so a receiver knows without asking that only the key
 * that hashes to it may sign for it; ids a user chooses (the {@code node} setting) have it clear.
 *
 * <p>Thread-safe: stateless.
 */
public final class Ed25519 {
  public static final int KEY_BYTES = 32;
  public static final int SIGNATURE_BYTES = 64;

  /** Bit 47 of a 48-bit node id: set on fingerprints, clear on chosen ids. */
  public static final long FINGERPRINT_BIT = 1L << 47;

  /** The X.509 SubjectPublicKeyInfo header of an Ed25519 key, before its 32 raw bytes. */
  private static final byte[] X509_HEADER = {
    0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x21, 0x00
  };

  private Ed25519() {}

  /** The node id a key stands for. */
  public static long fingerprint(byte[] rawKey) {
    try {
      byte[] h = MessageDigest.getInstance("SHA-256").digest(rawKey);
      long id = 0;
      for (int i = h.length - 6; i < h.length; i++) {
        id = id << 8 | (h[i] & 0xFF);
      }
      return id & (FINGERPRINT_BIT - 1) | FINGERPRINT_BIT;
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by the Java platform", e);
    }
  }

  /** True for ids that are fingerprints (bit 47 set): only their own key may sign for them. */
  public static boolean isFingerprint(long node) {
    return (node & FINGERPRINT_BIT) != 0;
  }

  /**
   * True if {@code signature[sigOffset..+64]} is {@code rawKey}'s signature of {@code
   * data[0..length]}; false for any bad key or signature.
   */
  public static boolean verify(
      byte[] rawKey, byte[] data, int length, byte[] signature, int sigOffset) {
    if (rawKey.length != KEY_BYTES || signature.length - sigOffset < SIGNATURE_BYTES) {
      return false;
    }
    try {
      return org.bouncycastle.math.ec.rfc8032.Ed25519.verify(
          signature, sigOffset, rawKey, 0, data, 0, length);
    } catch (RuntimeException e) {
      // a key that is not a curve point: it does not verify
      return false;
    }
  }
}
