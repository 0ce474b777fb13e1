package io.pluresdb.crdt.store;

import io.pluresdb.crdt.clock.OpId;
import io.pluresdb.crdt.feed.ListenerFeed;
import io.pluresdb.crdt.op.ReceivedTx;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@link Store#applyRemote} after its clock check: verifies the batch's authorship without the
 * writer ({@link Authorship}), then applies it under the writer permit ({@link RemoteApply}),
 * writing the keys it pins in the same SQLite transaction and adding them to the {@link KeyPins}
 * cache once committed. A refusal ({@link ApplyResult.Forged}), before or during the apply, writes
 * nothing of the batch; it is recorded as a row of {@code _pl_conflicts} with kind {@code
 * AUTHORSHIP} (table {@code _pl_log}, entity the node id, op the transaction id, detail the reason)
 * so that users see it, and returned for the caller to report.
 *
 * <p>Thread-safe: verification runs on the caller's thread; everything that writes holds the
 * permit.
 */
final class VerifiedApply {
  private final WriterPermit permit;
  private final RemoteTarget target;
  private final KeyPins pins;
  private final Authorship authorship;
  private final ParkedWatch parked;
  private final ListenerFeed feed;
  private final Duration wait;

  VerifiedApply(
      WriterPermit permit,
      RemoteTarget target,
      KeyPins pins,
      ParkedWatch parked,
      ListenerFeed feed,
      Duration wait) {
    this.permit = permit;
    this.target = target;
    this.pins = pins;
    this.authorship = new Authorship(pins);
    this.parked = parked;
    this.feed = feed;
    this.wait = wait;
  }

  /** The pinned keys remote records are checked against (row states pin keys too). */
  KeyPins pins() {
    return pins;
  }

  /** Applies {@code received} from {@code origin} (a peer node, or ""), parking at {@code now}. */
  ApplyResult apply(List<ReceivedTx> received, String origin, Instant now) throws SQLException {
    Authorship.Verdict verdict = authorship.check(received);
    Map<Long, KeyPins.Pin> added = verdict.newPins();
    permit.acquire(wait);
    try {
      ApplyResult.Forged forged = verdict.forged();
      if (forged == null) {
        forged = authorship.conflicting(received, added);
      }
      if (forged == null) {
        try {
          return applyVerified(received, verdict, added, origin, now);
        } catch (Forgery f) {
          forged = f.forged();
        } catch (BadValue e) {
          return e.refusal();
        }
      }
      record(forged);
      return forged;
    } finally {
      permit.release();
      feed.drain();
    }
  }

  /**
   * Applies a verified call. A value that fits its column in no way refuses the call (rolled back
   * whole) when it came in this call; when it came from a transaction parked by an earlier call,
   * which only now became ready, that record is dropped and reported instead and the call applied
   * again, because refusing every later call for it would stall this node for good.
   */
  private ApplyResult.Applied applyVerified(
      List<ReceivedTx> received,
      Authorship.Verdict verdict,
      Map<Long, KeyPins.Pin> added,
      String origin,
      Instant now)
      throws SQLException {
    Set<OpId> input = new HashSet<>();
    for (ReceivedTx r : received) {
      input.add(r.tx().id());
    }
    while (true) {
      try {
        ApplyResult.Applied applied =
            new RemoteApply(target, new ApplyChecks(authorship, verdict), origin, now)
                .apply(received);
        pins.addAll(added);
        refreshParked(applied);
        return applied;
      } catch (BadValue e) {
        ApplyResult.Malformed bad = e.refusal();
        OpId tx = bad.tx();
        if (tx == null || input.contains(tx)) {
          throw e;
        }
        Writer w = target.writer();
        ParkedTable.unpark(w, tx);
        ConflictLog.record(w, bad.table(), "", tx.toString(), "MALFORMED", bad.message());
        w.commit();
      }
    }
  }

  private void refreshParked(ApplyResult.Applied applied) throws SQLException {
    if (applied.pending() > 0 || parked.summary().total().count() > 0) {
      // only then can what is parked have changed; the read ends in a commit of nothing
      Writer w = target.writer();
      parked.refresh(w.conn);
      w.commit();
    }
  }

  /** Records a refusal where users can query it; the batch itself was rolled back. */
  private void record(ApplyResult.Forged forged) throws SQLException {
    Writer w = target.writer();
    AuthorshipReport.record(w, forged);
    w.commit();
  }
}
