package io.pluresdb.crdt.op;

/**
 * A transaction as it arrived from a peer: the record bytes exactly as received, and the
 * transaction decoded from them once, at the edge. The store keeps {@link #record} byte for byte in
 * its log and its pending table, and relays send those same bytes on, so every node's log holds the
 * record its author wrote (a record of an older version stays in that version) and nothing is
 * decoded and encoded again on the way.
 *
 * <p>The array is not copied: whoever builds one hands its bytes over and no longer changes them.
 *
 * @param record the record bytes as received (layout in {@link OpEncoder})
 * @param tx the transaction those bytes encode
 * @param auth the record's authorship section, or null for an unsigned (legacy) record; its
 *     signature is checked by the store before it applies or relays the record
 */
public record ReceivedTx(byte[] record, Transaction tx, RecordAuth auth) {

  /**
   * Decodes a received record (its signature unchecked); malformed input fails with
   * IllegalArgumentException.
   */
  public static ReceivedTx decode(byte[] record) {
    return TxCodec.decodeReceived(record);
  }

  /** True for a signed record. */
  public boolean signed() {
    return auth != null;
  }

  /**
   * Encodes a transaction held only in memory (a test, a tool building transactions): the record is
   * this node's encoding. Records that came from a peer or a log use {@link #decode} instead.
   */
  public static ReceivedTx encode(Transaction tx) {
    return new ReceivedTx(TxCodec.encode(tx), tx, null);
  }
}
