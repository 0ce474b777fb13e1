package io.pluresdb.crdt.store;

import io.pluresdb.crdt.feed.ListenerFeed;
import io.pluresdb.crdt.op.ReceivedTx;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;

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
  private final ListenerFeed feed;
  private final Duration wait;

  VerifiedApply(
      WriterPermit permit, RemoteTarget target, KeyPins pins, ListenerFeed feed, Duration wait) {
    this.permit = permit;
    this.target = target;
    this.pins = pins;
    this.authorship = new Authorship(pins);
    this.feed = feed;
    this.wait = wait;
  }

  ApplyResult apply(List<ReceivedTx> received) throws SQLException {
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
          ApplyResult.Applied applied =
              new RemoteApply(target, new ApplyChecks(authorship, verdict)).apply(received);
          pins.addAll(added);
          return applied;
        } catch (Forgery f) {
          forged = f.forged();
        }
      }
      record(forged);
      return forged;
    } finally {
      permit.release();
      feed.drain();
    }
  }

  /** Records a refusal where users can query it; the batch itself was rolled back. */
  private void record(ApplyResult.Forged forged) throws SQLException {
    Writer w = target.writer();
    AuthorshipReport.record(w, forged);
    w.commit();
  }
}
