package io.pluresdb.crdt.store;

import io.pluresdb.crdt.op.ReceivedTx;
import java.sql.SQLException;

/**
 * The authorship checks one {@link RemoteApply} call makes under the writer, after {@link
 * Authorship#check} verified its batch without it: a record checks again as it applies unless its
 * bytes were verified (records kept pending, records whose key came later), a duplicate must be
 * held with the same content ({@link HistoryCheck}), and the keys the call pins are written in its
 * SQLite transaction. Each check that fails throws {@link Forgery}, which rolls the call back.
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

  void duplicate(Writer w, ReceivedTx r) throws SQLException {
    HistoryCheck.requireHeld(w, r);
  }

  void beforeCommit(Writer w) throws SQLException {
    KeyTable.save(w, verdict.newPins());
  }
}
