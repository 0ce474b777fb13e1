package io.pluresdb.sync.protocol;

import io.pluresdb.crdt.op.ReceivedTx;
import io.pluresdb.crdt.op.Transaction;
import io.pluresdb.crdt.store.ApplyResult;
import io.pluresdb.crdt.store.Parked;
import io.pluresdb.crdt.store.Store;
import io.pluresdb.sync.auth.PolicyAgent.User;
import io.pluresdb.sync.policy.RowPolicies;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The receiving half of a session: checks and applies the peer's batches, in order, and
 * acknowledges them once applied. Acknowledgements are cumulative, so one acknowledges every batch
 * up to it: the latest goes out once the transport has no more frames waiting for the session
 * ({@link #flushAck}), or after every {@code ackEvery} batches while frames keep coming, so a busy
 * receiver sends one acknowledgement for several batches and an idle one acknowledges at once. A
 * batch is applied all or nothing as far as the checks go: every record is decoded (once: the store
 * keeps the received bytes, which relays send on) and every operation checked against the write
 * policy before {@link Store#applyRemote} sees any of it, and a clock-drift or authorship refusal
 * from the store writes nothing (the store verifies every signature before it applies or relays a
 * record, and records an authorship refusal where users see it), nor does a value that fits its
 * column in no way (closed as MALFORMED: the store is where the column's types are known, so the
 * check is there, see {@link ApplyResult.Malformed}). A peer acting for a user has each written row
 * checked against its table's row policies ({@link RowPolicies}) first; a refusal closes the
 * session (FORBIDDEN, naming the row and the policies) with nothing of the batch applied.
 *
 * <p>Not thread-safe: owned by one session.
 */
final class Inbound {
  private final Store store;
  private final Access access;
  private final @Nullable RowPolicies rows;
  private final Streamer streamer;
  private final Wire wire;
  private final String peer;
  private final int maxParked;
  private final int ackEvery;
  private long expected = 1;
  private long receivedTransactions;
  private int unacked; // batches applied since the last acknowledgement

  /**
   * Receives from node {@code peer}, closing once more than {@code maxParked} of it are parked, and
   * acknowledging at least every {@code ackEvery} batches.
   */
  Inbound(
      Store store,
      Access access,
      Streamer streamer,
      Wire wire,
      String peer,
      int maxParked,
      int ackEvery) {
    this.store = store;
    this.access = access;
    User user = access.principal().user();
    this.rows = user == null ? null : new RowPolicies(store, user);
    this.streamer = streamer;
    this.wire = wire;
    this.peer = peer;
    this.maxParked = maxParked;
    this.ackEvery = ackEvery;
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
    if (rows != null) {
      // a user's writes: each row before and after, against its table's policies
      List<Transaction> written = new ArrayList<>(txs.size());
      txs.forEach(r -> written.add(r.tx()));
      String refused = rows.refusal(written);
      if (refused != null) {
        throw new ProtocolException(CloseReason.Code.FORBIDDEN, refused);
      }
    }
    for (ReceivedTx r : txs) {
      // the peer holds what it sends: never stream these back to it
      streamer.peerHolds(r.tx().id());
    }
    ApplyResult result = store.applyRemote(txs, peer);
    if (result instanceof ApplyResult.ClockDrift drift) {
      throw new ProtocolException(CloseReason.Code.CLOCK_DRIFT, drift.message());
    }
    if (result instanceof ApplyResult.Forged forged) {
      throw new ProtocolException(CloseReason.Code.FORGED, forged.message());
    }
    if (result instanceof ApplyResult.Malformed bad) {
      throw new ProtocolException(
          CloseReason.Code.MALFORMED, "batch " + b.seqNo() + ": " + bad.message());
    }
    if (result instanceof ApplyResult.Applied a && a.parked() > 0) {
      checkParked();
    }
    expected++;
    receivedTransactions += txs.size();
    if (++unacked >= ackEvery) {
      flushAck(out);
    }
  }

  /** Acknowledges every batch applied so far, if any is not yet. */
  void flushAck(Outbox out) {
    if (unacked > 0) {
      unacked = 0;
      wire.send(new Message.Ack(expected - 1), out);
    }
  }

  /**
   * Closes the session when the batch just applied left more of the peer's transactions parked than
   * the bound. Only a batch that parked something new is checked, so a peer reconnecting with the
   * same parked transactions still delivers what can apply. The batch is not acknowledged, yet
   * nothing of it is lost: it was applied or parked, and the peer sends it again next time.
   */
  private void checkParked() throws ProtocolException {
    Parked parked = store.parked().of(peer);
    if (parked.count() > maxParked) {
      throw new ProtocolException(
          CloseReason.Code.TOO_MANY_PARKED,
          parked.count()
              + " transactions from node "
              + peer
              + " cannot be applied yet, more than the limit of "
              + maxParked
              + " (they stay parked); "
              + parked.describe());
    }
  }

  long receivedTransactions() {
    return receivedTransactions;
  }
}
