package io.pluresdb.crdt.store;

import io.pluresdb.crdt.clock.OpId;
import io.pluresdb.crdt.op.Operation;
import io.pluresdb.crdt.op.Transaction;
import java.util.Locale;
import java.util.function.LongFunction;

/**
 * Why a received transaction cannot be applied yet, in words an operator can act on: the
 * transaction of its own node that must come first, a precursor of one of its operations from
 * another transaction, or (from {@link Materializer.MissingSchema}) a table or column this node
 * does not have. The same test decides readiness, so what is recorded is exactly what is waited
 * for.
 *
 * <p>Stateless.
 */
final class ParkReason {
  private ParkReason() {}

  /**
   * What {@code tx} waits for, given the version each node is applied to ({@code version}, null for
   * a node of which nothing is held), or null when nothing it needs is missing (it is ready).
   */
  static String missing(Transaction tx, LongFunction<Meta.Version> version) {
    if (tx.prev() != null) {
      Meta.Version v = version.apply(tx.node());
      if (v == null || v.tx().compareTo(tx.prev()) < 0) {
        return "waits for transaction " + tx.prev() + " of node " + node(tx.node());
      }
    }
    for (Operation op : tx.ops()) {
      for (OpId p : op.precursors()) {
        boolean inTx = p.node() == tx.node() && p.after(tx.id());
        if (!inTx && !covered(p, version)) {
          return "waits for precursor " + p + " of node " + node(p.node());
        }
      }
    }
    return null;
  }

  private static boolean covered(OpId id, LongFunction<Meta.Version> version) {
    Meta.Version v = version.apply(id.node());
    return v != null && id.compareTo(v.last()) <= 0;
  }

  private static String node(long node) {
    return String.format(Locale.ROOT, "%012x", node);
  }
}
