package io.pluresdb.sync.protocol;

import io.pluresdb.crdt.clock.OpId;
import io.pluresdb.crdt.op.Coverage;
import io.pluresdb.crdt.op.RowState;
import io.pluresdb.crdt.op.RowStateBatch;
import io.pluresdb.crdt.op.RowStateCodec;
import io.pluresdb.crdt.store.Store;
import io.pluresdb.sync.protocol.CloseReason.Code;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The receiving half of row-state catch-up: checks each part of the server's snapshot and merges it
 * through the store's row-state merge, all of a part or none, acknowledging it once merged. The
 * first part announces the snapshot's coverage, and every operation id a row state holds must be
 * within it (an id beyond its node's entry is FORGED: a snapshot stands only for transactions it
 * covers); a coverage that claims a transaction of this very node that this node never wrote is
 * FORGED too. The coverage counts as held only with the last part, so a session that ends in the
 * middle leaves merged rows (which merge again harmlessly) and the snapshot is sent again next
 * time. Any refused part closes the session with nothing of it written.
 *
 * <p>Not thread-safe: owned by one session.
 */
final class SnapshotIn {
  private final Store store;
  private final Wire wire;
  private final String peer;
  private final Map<Long, OpId> lastOp = new HashMap<>();
  private @Nullable Coverage announced;
  private long expected = 1;
  private boolean ended;
  private long mergedRows;

  SnapshotIn(Store store, Wire wire, String peer) {
    this.store = store;
    this.wire = wire;
    this.peer = peer;
  }

  void part(Message.States m, Outbox out) throws ProtocolException, SQLException {
    if (ended || m.seqNo() != expected) {
      throw malformed(
          "row-state part "
              + m.seqNo()
              + (ended ? " after the snapshot's last part" : " arrived, expected " + expected));
    }
    RowStateBatch b;
    try {
      b = RowStateCodec.decode(m.body());
    } catch (IllegalArgumentException e) {
      throw malformed("row-state part " + m.seqNo() + ": " + e.getMessage());
    }
    Coverage coverage = announced;
    if (coverage == null) {
      coverage = b.coverage();
      if (coverage == null) {
        throw malformed("the first row-state part carries no coverage");
      }
      check(coverage);
    } else if (b.coverage() != null) {
      throw malformed("row-state part " + m.seqNo() + " carries a second coverage");
    }
    for (RowState r : b.rows()) {
      check(r);
    }
    try {
      store
          .rowStates()
          .merge(new RowStateBatch(b.rows(), m.last() ? coverage : null), coverage.versionVector());
    } catch (SQLException e) {
      if (!"42P01".equals(e.getSQLState())) {
        throw e;
      }
      // the server sends the log up to its last schema change first, so a table is missing only
      // when the server's snapshot and its log disagree
      throw malformed("row-state part " + m.seqNo() + " from node " + peer + ": " + e.getMessage());
    }
    announced = coverage;
    mergedRows += b.rows().size();
    expected++;
    ended = m.last();
    wire.send(new Message.StatesAck(m.seqNo()), out);
  }

  private void check(Coverage c) throws ProtocolException {
    long self = Long.parseLong(store.nodeId(), 16);
    OpId mine = store.versionVector().lastOf(self);
    for (Coverage.Held h : c.held()) {
      OpId tx = h.tx();
      if (lastOp.put(tx.node(), h.last()) != null) {
        throw malformed("the snapshot's coverage names a node twice");
      }
      if (tx.node() == self && tx.after(mine)) {
        throw new ProtocolException(
            Code.FORGED,
            "node "
                + peer
                + "'s snapshot claims transaction "
                + tx
                + " of this node, which this node never wrote");
      }
    }
  }

  private void check(RowState r) throws ProtocolException {
    OpId e = r.existence();
    if (e != null) {
      checkCovered(r, e);
    }
    for (OpId c : r.clocks()) {
      checkCovered(r, c);
    }
  }

  private void checkCovered(RowState r, OpId id) throws ProtocolException {
    OpId last = lastOp.get(id.node());
    if (last == null || id.compareTo(last) > 0) {
      throw new ProtocolException(
          Code.FORGED,
          "node "
              + peer
              + " sent a row state of table '"
              + r.table()
              + "' key "
              + Arrays.deepToString(r.key())
              + " holding operation "
              + id
              + ", which its snapshot does not cover");
    }
  }

  private static ProtocolException malformed(String message) {
    return new ProtocolException(Code.MALFORMED, message);
  }

  long mergedRows() {
    return mergedRows;
  }
}
