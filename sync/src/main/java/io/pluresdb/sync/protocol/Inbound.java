package io.pluresdb.sync.protocol;

import io.pluresdb.crdt.op.ReceivedTx;
import io.pluresdb.crdt.op.Transaction;
import io.pluresdb.crdt.store.ApplyResult;
import io.pluresdb.crdt.store.Store;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The receiving half of a session: checks and applies the peer's batches, in order, and
 * acknowledges each once applied. A batch is applied all or nothing as far as the checks go: every
 * record is decoded (once: the store keeps the received bytes, which relays send on) and every
 * operation checked against the write policy before {@link Store#applyRemote} sees any of it, and a
 * clock-drift or authorship refusal from the store writes nothing (the store verifies every
 * signature before it applies or relays a record, and records an authorship refusal where users see
 * it).
 *
 * <p>Not thread-safe: owned by one session.
 */
final class Inbound {
  private final Store store;
  private final Access access;
  private final Streamer streamer;
  private final Wire wire;
  private long expected = 1;
  private long receivedTransactions;

  Inbound(Store store, Access access, Streamer streamer, Wire wire) {
    this.store = store;
    this.access = access;
    this.streamer = streamer;
    this.wire = wire;
  }

  void batch(Message.Batch b, Outbox out) throws ProtocolException, SQLException {
    if (b.seqNo() != expected) {
      throw new ProtocolException(
          CloseReason.Code.MALFORMED, "batch " + b.seqNo() + " arrived, expected " + expected);
    }
    List<ReceivedTx> txs = new ArrayList<>(b.records().size());
    for (int i = 0; i < b.records().size(); i++) {
      try {
        txs.add(ReceivedTx.decode(b.records().get(i)));
      } catch (IllegalArgumentException e) {
        throw new ProtocolException(
            CloseReason.Code.MALFORMED,
            "record " + i + " of batch " + b.seqNo() + ": " + e.getMessage());
      }
    }
    for (ReceivedTx r : txs) {
      Transaction tx = r.tx();
      String forbidden = access.forbiddenWrite(tx, store.catalog());
      if (forbidden != null) {
        throw new ProtocolException(
            CloseReason.Code.FORBIDDEN,
            access.principal().name()
                + " may not write to collection '"
                + forbidden
                + "' (transaction "
                + tx.id()
                + ")");
      }
    }
    for (ReceivedTx r : txs) {
      // the peer holds what it sends: never stream these back to it
      streamer.peerHolds(r.tx().id());
    }
    ApplyResult result = store.applyRemote(txs);
    if (result instanceof ApplyResult.ClockDrift drift) {
      throw new ProtocolException(CloseReason.Code.CLOCK_DRIFT, drift.message());
    }
    if (result instanceof ApplyResult.Forged forged) {
      throw new ProtocolException(CloseReason.Code.FORGED, forged.message());
    }
    expected++;
    receivedTransactions += txs.size();
    wire.send(new Message.Ack(b.seqNo()), out);
  }

  long receivedTransactions() {
    return receivedTransactions;
  }
}
