package io.pluresdb.crdt.store;

import io.pluresdb.crdt.op.ReceivedTx;
import io.pluresdb.crdt.op.TxCodec;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;

/**
 * Decides whether a received transaction that the version vector covers is really one this node
 * holds: the log must hold its id with the same content. Same bytes for a signed record (relays
 * forward records untouched); for unsigned records, which older relays may have encoded again, the
 * same transaction decoded. A covered id with other content, or absent from the log (each node's
 * transactions apply in order, so every covered one was logged), is a forgery: either this one or
 * one applied before it under the same node's name. Only a transaction at or below its node's
 * {@link Folded} horizon may be held without a log record.
 *
 * <p>Not thread-safe: runs while the store's writer permit is held.
 */
final class HistoryCheck {
  private HistoryCheck() {}

  /** Throws {@link Forgery} unless the log holds {@code r} as received. */
  static void requireHeld(Writer w, ReceivedTx r) throws SQLException {
    PreparedStatement ps = w.prepare("SELECT data FROM _pl_log WHERE tx=?");
    ps.setBytes(1, r.tx().id().toBytes());
    byte[] held;
    try (ResultSet rs = ps.executeQuery()) {
      held = rs.next() ? rs.getBytes(1) : null;
    }
    String wrong;
    if (held == null && Folded.covers(w, r.tx().id())) {
      return; // held as row states or folded away by compaction: nothing to compare with
    } else if (held == null) {
      wrong = "its id is covered by this node's version vector but absent from its log";
    } else if (Arrays.equals(held, r.record())) {
      return;
    } else if (!r.signed()
        && !ReceivedTx.decode(held).signed()
        && Arrays.equals(TxCodec.encode(ReceivedTx.decode(held).tx()), TxCodec.encode(r.tx()))) {
      return;
    } else {
      wrong = "this node holds the same transaction id with other content";
    }
    throw new Forgery(new ApplyResult.Forged(r.tx().id(), wrong));
  }
}
