package io.pluresdb.crdt.op;

import io.pluresdb.crdt.clock.OpId;
import java.util.List;

/**
 * The unit of replication: operations committed together by one node, shown all or nothing.
 *
 * @param id the transaction id; its low 48 bits are the writing node, and every operation id of the
 *     transaction is greater than it
 * @param prev the id of the node's previous committed transaction, or null for its first; a
 *     receiver holding {@code prev} holds everything the node wrote before (gap detection)
 * @param ops the operations, in the order they were written
 */
public record Transaction(OpId id, OpId prev, List<Operation> ops) {
  public Transaction {
    ops = List.copyOf(ops);
    for (Operation op : ops) {
      if (op.id().node() != id.node() || !op.id().after(id)) {
        throw new IllegalArgumentException(
            "operation " + op.id() + " does not belong to transaction " + id);
      }
    }
  }

  /** The writing node's 48-bit id. */
  public long node() {
    return id.node();
  }

  /** The greatest operation id (the transaction id when there are no operations). */
  public OpId lastId() {
    return ops.isEmpty() ? id : ops.get(ops.size() - 1).id();
  }
}
