package io.pluresdb.crdt.store;

import io.pluresdb.crdt.clock.OpId;
import io.pluresdb.crdt.feed.EntityChange;
import io.pluresdb.crdt.op.LogEntry;
import io.pluresdb.crdt.op.Operation;
import io.pluresdb.crdt.op.Transaction;
import io.pluresdb.crdt.op.TxCodec;
import io.pluresdb.crdt.schema.Catalog;
import io.pluresdb.crdt.schema.SchemaChange;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
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
 * (kept in {@code _pl_pending} and retried whenever another transaction applies).
 *
 * <p>The whole call runs in one SQLite transaction, committed at its end, because a commit costs
 * more than a small transaction's rows (catching up is mostly small transactions). Each ready
 * transaction applies under its own savepoint: log row, merged rows, version vector; if it needs a
 * table or column this node does not have yet, it is rolled back to its savepoint and kept pending.
 * So each transaction is still applied all or nothing, and the call's transactions become visible
 * together. Versions and log positions of the open group are kept here and published to the store
 * (version vector, change feed) only after the commit; any other failure rolls the whole call back.
 *
 * <p>Not thread-safe: runs while the store's writer permit is held.
 */
final class RemoteApply {
  private final SqliteStore store;
  private final Writer w;
  private final Meta meta;
  private final TxApplier applier;
  private final Set<OpId> pendingInput = new HashSet<>();

  /** node → version applied in this call, not yet published to {@link SqliteStore#versions}. */
  private final Map<Long, Meta.Version> groupVersions = new HashMap<>();

  private final List<Applied> group = new ArrayList<>();
  private long lastSeq;
  private boolean mayHavePending;
  private int applied;
  private int duplicates;

  /** A transaction applied in this call, published after the commit. */
  private record Applied(
      Transaction tx, LogEntry entry, List<EntityChange> changes, List<SchemaChange> schema) {}

  RemoteApply(SqliteStore store, Writer w, Meta meta) {
    this.store = store;
    this.w = w;
    this.meta = meta;
    this.applier = new TxApplier(w);
  }

  ApplyResult apply(List<Transaction> txs) throws SQLException {
    w.pragmas("PRAGMA foreign_keys=OFF", "PRAGMA ignore_check_constraints=ON");
    try {
      lastSeq = store.lastSeq();
      try {
        mayHavePending = hasPending();
        for (Transaction tx : txs) {
          if (duplicate(tx)) {
            duplicates++;
          } else if (ready(tx) && applyOne(tx)) {
            retryPending();
          } else {
            meta.savePending(w, tx.id(), TxCodec.encode(tx));
            mayHavePending = true;
            pendingInput.add(tx.id());
          }
        }
        w.commit();
      } catch (SQLException | RuntimeException e) {
        try {
          w.rollback();
          w.catalog(store.committedCatalog());
        } catch (SQLException suppressed) {
          e.addSuppressed(suppressed);
        }
        throw e;
      }
      for (Applied a : group) {
        store.committedRemote(a.tx(), a.entry(), a.changes(), a.schema());
      }
    } finally {
      w.pragmas("PRAGMA foreign_keys=ON", "PRAGMA ignore_check_constraints=OFF");
    }
    return new ApplyResult(applied, duplicates, pendingInput.size());
  }

  private boolean hasPending() throws SQLException {
    try (ResultSet rs = w.prepare("SELECT 1 FROM _pl_pending LIMIT 1").executeQuery()) {
      return rs.next();
    }
  }

  private Meta.Version version(long node) {
    Meta.Version v = groupVersions.get(node);
    return v != null ? v : store.versions.get(node);
  }

  private boolean duplicate(Transaction tx) {
    Meta.Version v = version(tx.node());
    return v != null && tx.lastId().compareTo(v.last()) <= 0;
  }

  private boolean covered(OpId id) {
    Meta.Version v = version(id.node());
    return v != null && id.compareTo(v.last()) <= 0;
  }

  private boolean ready(Transaction tx) {
    if (tx.prev() != null) {
      Meta.Version v = version(tx.node());
      if (v == null || v.tx().compareTo(tx.prev()) < 0) {
        return false;
      }
    }
    for (Operation op : tx.ops()) {
      for (OpId p : op.precursors()) {
        boolean inTx = p.node() == tx.node() && p.after(tx.id());
        if (!inTx && !covered(p)) {
          return false;
        }
      }
    }
    return true;
  }

  private boolean applyOne(Transaction tx) throws SQLException {
    List<EntityChange> changes = new ArrayList<>();
    List<SchemaChange> schema = new ArrayList<>();
    byte[] record = TxCodec.encode(tx);
    LogEntry entry = new LogEntry(lastSeq + 1, tx.id(), record);
    Catalog before = w.catalog();
    w.prepare("SAVEPOINT pl_tx").execute();
    try {
      meta.appendLog(w, entry.seq(), tx.id(), record);
      applier.apply(tx, changes, schema);
      Meta.Version next = new Meta.Version(tx.lastId(), tx.id());
      meta.saveVersion(w, tx.node(), next);
      if (mayHavePending) {
        meta.deletePending(w, tx.id());
      }
      if (!schema.isEmpty()) {
        meta.saveCatalog(w, w.catalog());
      }
      w.prepare("RELEASE pl_tx").execute();
      groupVersions.put(tx.node(), next);
    } catch (Materializer.MissingSchema e) {
      w.prepare("ROLLBACK TO pl_tx").execute();
      w.prepare("RELEASE pl_tx").execute();
      w.catalog(before);
      return false;
    }
    lastSeq = entry.seq();
    applied++;
    pendingInput.remove(tx.id());
    group.add(new Applied(tx, entry, changes, schema));
    return true;
  }

  /** Applies pending transactions until none more becomes ready. */
  private void retryPending() throws SQLException {
    boolean progress = mayHavePending;
    while (progress) {
      progress = false;
      List<Transaction> pending = loadPending();
      mayHavePending = !pending.isEmpty();
      for (Transaction tx : pending) {
        if (duplicate(tx)) {
          meta.deletePending(w, tx.id());
          pendingInput.remove(tx.id());
        } else if (ready(tx) && applyOne(tx)) {
          progress = true;
        }
      }
    }
  }

  private List<Transaction> loadPending() throws SQLException {
    List<Transaction> out = new ArrayList<>();
    try (Statement s = w.conn.createStatement();
        ResultSet rs = s.executeQuery("SELECT data FROM _pl_pending ORDER BY tx")) {
      while (rs.next()) {
        out.add(TxCodec.decode(rs.getBytes(1)));
      }
    }
    return out;
  }
}
