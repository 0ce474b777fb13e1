package io.pluresdb.crdt.op;

import io.pluresdb.crdt.clock.OpId;

/**
 * The author of local records: signs them with its private key (see {@link OpEncoder#finish(OpId,
 * RecordSigner, boolean)}).
 *
 * <p>Implementations say whether they may be shared between threads; the store's own is owned by
 * its writer.
 */
public interface RecordSigner {
  /** The raw 32-byte Ed25519 public key that verifies this signer's signatures. */
  byte[] publicKey();

  /** The 64-byte Ed25519 signature of {@code data[0, length)}. */
  byte[] sign(byte[] data, int length);
}
