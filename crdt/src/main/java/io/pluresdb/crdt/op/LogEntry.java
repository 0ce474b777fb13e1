package io.pluresdb.crdt.op;

import io.pluresdb.crdt.clock.OpId;

/**
 * One transaction as kept in a node's log.
 *
 * @param seq its position in this node's log (1, 2, …; local to the node, in causal order)
 * @param txId the transaction id
 * @param record the transaction encoded by {@link TxCodec} (what replication sends as is)
 */
public record LogEntry(long seq, OpId txId, byte[] record) {
  /** Decodes the record. */
  public Transaction transaction() {
    return TxCodec.decode(record);
  }

  /** The record as another node receives it: these bytes, decoded once. */
  public ReceivedTx received() {
    return ReceivedTx.decode(record);
  }
}
