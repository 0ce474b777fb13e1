package io.pluresdb.crdt.store;

import io.pluresdb.crdt.clock.OpId;
import io.pluresdb.crdt.feed.EntityChange;
import io.pluresdb.crdt.op.LogEntry;
import io.pluresdb.crdt.op.ReceivedTx;
import io.pluresdb.crdt.op.Transaction;
import io.pluresdb.crdt.schema.Catalog;
import io.pluresdb.crdt.schema.SchemaChange;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One call of {@link Store#applyRemote}: each transaction is a duplicate (its last op id is covered
 * by the version vector), ready (its node's previous transaction and every precursor are covered,
 * checked against the version vector since each node's transactions apply in order), or pending
 * (parked: kept in {@code _pl_pending} with its origin and what it waits for, see {@link
 * ParkReason}, and retried whenever another transaction applies).
 *
 * <p>The whole call runs in one SQLite transaction, committed at its end, because a commit costs
 * more than a small transaction's rows (catching up is mostly small transactions). Each ready
 * transaction applies under its own savepoint: log row, merged rows, version vector; if it needs a
 * table or column this node does not have yet, it is rolled back to its savepoint and kept pending.
 * So each transaction is still applied all or nothing, and the call's transactions become visible
 * together. Versions and log positions of the open group are kept here and handed to the store's
 * {@link ApplyTarget} (version vector, change feed) only after the commit; any other failure rolls
 * the whole call back.
 *
 * <p>Each transaction's record is stored as it was received, in the log and in {@code _pl_pending}:
 * it is never encoded again here, so every node's log holds its author's bytes and relays send them
 * on unchanged. A received duplicate must be held with the same content ({@link HistoryCheck}), or
 * the call is refused whole.
 *
 * <p>Not thread-safe: runs while the store's writer permit is held.
 */
final class RemoteApply {
  private final ApplyTarget target;
  private final Writer w;
  private final Meta meta;
  private final TxApplier applier;
  private final String origin;
  private final Instant now;
  private final Set<OpId> pendingInput = new HashSet<>();
  private final Set<OpId> newlyParked = new HashSet<>();

  /** node → version applied in this call, not yet published to the target. */
  private final Map<Long, Meta.Version> groupVersions = new HashMap<>();

  private final List<ApplyTarget.Committed> group = new ArrayList<>();
  private long lastSeq;
  private boolean mayHavePending;
  private int applied;
  private int duplicates;

  /** Why the last transaction that was ready could not apply (a table or column is missing). */
  private String schemaMissing = "";

  /** Authorship: what must hold before a transaction applies or counts as a duplicate. */
  private final ApplyChecks checks;

  /**
   * A call applying transactions received from {@code origin} (a peer node, or ""), at {@code now},
   * under the authorship {@code checks} of its batch.
   */
  RemoteApply(ApplyTarget target, ApplyChecks checks, String origin, Instant now) {
    this.target = target;
    this.checks = checks;
    this.origin = origin;
    this.now = now;
    this.w = target.writer();
    this.meta = target.meta();
    this.applier = new TxApplier(w);
  }

  ApplyResult.Applied apply(List<ReceivedTx> received) throws SQLException {
    w.pragmas("PRAGMA foreign_keys=OFF", "PRAGMA ignore_check_constraints=ON");
    try {
      lastSeq = target.lastSeq();
      try {
        mayHavePending = hasPending();
        for (ReceivedTx r : received) {
          Transaction tx = r.tx();
          if (duplicate(tx)) {
            checks.duplicate(w, r);
            duplicates++;
          } else if (ready(tx) && applyOne(r)) {
            retryPending();
          } else {
            if (ParkedTable.park(w, r, origin, now, reason(tx))) {
              newlyParked.add(tx.id());
            }
            mayHavePending = true;
            pendingInput.add(tx.id());
          }
        }
        checks.beforeCommit(w);
        w.commit();
      } catch (SQLException | RuntimeException e) {
        try {
          w.rollback();
          w.catalog(target.catalog());
        } catch (SQLException suppressed) {
          e.addSuppressed(suppressed);
        }
        throw e;
      }
      for (ApplyTarget.Committed c : group) {
        target.published(c);
      }
    } finally {
      w.pragmas("PRAGMA foreign_keys=ON", "PRAGMA ignore_check_constraints=OFF");
    }
    newlyParked.retainAll(pendingInput);
    return new ApplyResult.Applied(applied, duplicates, pendingInput.size(), newlyParked.size());
  }

  private boolean hasPending() throws SQLException {
    return ParkedTable.any(w);
  }

  private Meta.Version version(long node) {
    Meta.Version v = groupVersions.get(node);
    return v != null ? v : target.version(node);
  }

  private boolean duplicate(Transaction tx) {
    Meta.Version v = version(tx.node());
    return v != null && tx.lastId().compareTo(v.last()) <= 0;
  }

  private boolean ready(Transaction tx) {
    return ParkReason.missing(tx, this::version) == null;
  }

  /** What a transaction that did not apply waits for. */
  private String reason(Transaction tx) {
    String missing = ParkReason.missing(tx, this::version);
    return missing != null ? missing : schemaMissing;
  }

  private boolean applyOne(ReceivedTx r) throws SQLException {
    checks.beforeApply(r);
    Transaction tx = r.tx();
    List<EntityChange> changes = new ArrayList<>();
    List<SchemaChange> schema = new ArrayList<>();
    LogEntry entry = new LogEntry(lastSeq + 1, tx.id(), r.record());
    Catalog before = w.catalog();
    w.prepare("SAVEPOINT pl_tx").execute();
    try {
      meta.appendLog(w, entry.seq(), tx.id(), entry.record());
      LogIndex.addOps(w, entry.seq(), tx.ops());
      applier.apply(tx, changes, schema);
      Meta.Version next = new Meta.Version(tx.lastId(), tx.id());
      meta.saveVersion(w, tx.node(), next);
      if (mayHavePending) {
        ParkedTable.unpark(w, tx.id());
      }
      if (!schema.isEmpty()) {
        meta.saveCatalog(w, w.catalog());
      }
      w.prepare("RELEASE pl_tx").execute();
      groupVersions.put(tx.node(), next);
    } catch (Materializer.MissingSchema e) {
      schemaMissing = e.getMessage();
      w.prepare("ROLLBACK TO pl_tx").execute();
      w.prepare("RELEASE pl_tx").execute();
      w.catalog(before);
      return false;
    }
    lastSeq = entry.seq();
    applied++;
    pendingInput.remove(tx.id());
    group.add(new ApplyTarget.Committed(tx, entry, changes, schema));
    return true;
  }

  /** Applies pending transactions until none more becomes ready. */
  private void retryPending() throws SQLException {
    boolean progress = mayHavePending;
    while (progress) {
      progress = false;
      List<ParkedTable.Row> pending = ParkedTable.load(w);
      mayHavePending = !pending.isEmpty();
      for (ParkedTable.Row row : pending) {
        ReceivedTx r = row.received();
        Transaction tx = r.tx();
        if (duplicate(tx)) {
          ParkedTable.unpark(w, tx.id());
          pendingInput.remove(tx.id());
        } else if (ready(tx) && !checks.pendingValid(w, r)) {
          // dropped and reported: a record planted in a node's name must not stall its real ones
          pendingInput.remove(tx.id());
        } else if (ready(tx) && applyOne(r)) {
          progress = true;
        } else {
          String why = reason(tx);
          if (!why.equals(row.reason())) {
            // what it waits for changed (its precursors came, its table did not): say so
            ParkedTable.reason(w, tx.id(), why);
          }
        }
      }
    }
  }
}
