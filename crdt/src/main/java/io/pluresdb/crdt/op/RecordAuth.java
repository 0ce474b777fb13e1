package io.pluresdb.crdt.op;

import io.pluresdb.crdt.clock.OpId;

/**
 * The authorship section of a signed (version 4) record, as {@link TxCodec} read it: what the
 * receiver needs to check the record's signature against its author's key.
 *
 * @param publicKey the author's raw Ed25519 public key when the record announces it (a node's first
 *     record), else null: the receiver uses the key it pinned for the node
 * @param retires the last transaction of a legacy (unsigning) node id that the author replaces, or
 *     null; unsigned records of that id after it are refused from then on
 * @param signedLength how many leading bytes of the record the signature covers; the 64-byte
 *     signature follows them and ends the record
 */
public record RecordAuth(byte[] publicKey, OpId retires, int signedLength) {}
