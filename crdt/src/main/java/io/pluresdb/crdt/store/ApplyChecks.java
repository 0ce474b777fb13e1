package io.pluresdb.crdt.store;

import io.pluresdb.crdt.op.ReceivedTx;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * The authorship checks one {@link RemoteApply} call makes under the writer, after {@link
 * Authorship#check} verified its batch without it: a record checks again as it applies unless its
 * bytes were verified (records kept pending, records whose key came later; a pending one that fails
 * is dropped and reported, see {@link #pendingValid}), a duplicate must be held with the same
 * content ({@link HistoryCheck}), and the keys the call pins are written in its SQLite transaction.
 * Each check that fails throws {@link Forgery}, which rolls the call back.
 *
 * <p>Not thread-safe: used by one call, while the writer permit is held.
 */
final class ApplyChecks {
  private final Authorship authorship;
  private final Authorship.Verdict verdict;

  ApplyChecks(Authorship authorship, Authorship.Verdict verdict) {
    this.authorship = authorship;
    this.verdict = verdict;
  }

  void beforeApply(ReceivedTx r) {
    authorship.requireValid(r, verdict);
  }

  /**
   * Checks a ready record that waited in {@code _pl_pending} (it could not be checked when it
   * arrived: its node's key had not come); one that fails is deleted from there and reported, and
   * the call goes on, so that a record planted in a node's name cannot stall the node's real ones.
   */
  boolean pendingValid(Writer w, ReceivedTx r) throws SQLException {
    try {
      authorship.requireValid(r, verdict);
      verdict.verified().put(r.tx().id(), r.record());
      return true;
    } catch (Forgery f) {
      PreparedStatement ps = w.prepare("DELETE FROM _pl_pending WHERE tx=?");
      ps.setBytes(1, r.tx().id().toBytes());
      ps.executeUpdate();
      AuthorshipReport.record(w, f.forged());
      return false;
    }
  }

  void duplicate(Writer w, ReceivedTx r) throws SQLException {
    HistoryCheck.requireHeld(w, r);
  }

  void beforeCommit(Writer w) throws SQLException {
    KeyTable.save(w, verdict.newPins());
  }
}
