package io.pluresdb.crdt.store;

import io.pluresdb.crdt.clock.OpId;
import io.pluresdb.crdt.feed.EntityChange;
import io.pluresdb.crdt.op.LogEntry;
import io.pluresdb.crdt.op.Operation;
import io.pluresdb.crdt.op.Transaction;
import io.pluresdb.crdt.op.TxCodec;
import io.pluresdb.crdt.schema.SchemaChange;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * One call of {@link Store#applyRemote}: each transaction is a duplicate (its last op id is covered
 * by the version vector), ready (its node's previous transaction and every precursor are covered,
 * checked against the version vector since each node's transactions apply in order), or pending
 * (kept in {@code _pl_pending} and retried whenever another transaction applies). A ready
 * transaction applies in its own SQLite transaction: log row, merged rows, version vector; if it
 * needs a table or column this node does not have yet it is rolled back and kept pending.
 *
 * <p>Not thread-safe: runs while the store's writer permit is held.
 */
final class RemoteApply {
  private final SqliteStore store;
  private final Writer w;
  private final Meta meta;
  private final TxApplier applier;
  private final Set<OpId> pendingInput = new HashSet<>();
  private int applied;
  private int duplicates;

  RemoteApply(SqliteStore store, Writer w, Meta meta) {
    this.store = store;
    this.w = w;
    this.meta = meta;
    this.applier = new TxApplier(w);
  }

  ApplyResult apply(List<Transaction> txs) throws SQLException {
    w.pragmas("PRAGMA foreign_keys=OFF", "PRAGMA ignore_check_constraints=ON");
    try {
      for (Transaction tx : txs) {
        if (duplicate(tx)) {
          duplicates++;
        } else if (ready(tx) && applyOne(tx)) {
          retryPending();
        } else {
          w.begin();
          meta.savePending(w, tx.id(), TxCodec.encode(tx));
          w.commit();
          pendingInput.add(tx.id());
        }
      }
    } finally {
      w.pragmas("PRAGMA foreign_keys=ON", "PRAGMA ignore_check_constraints=OFF");
    }
    return new ApplyResult(applied, duplicates, pendingInput.size());
  }

  private boolean duplicate(Transaction tx) {
    Meta.Version v = store.versions.get(tx.node());
    return v != null && tx.lastId().compareTo(v.last()) <= 0;
  }

  private boolean covered(OpId id) {
    Meta.Version v = store.versions.get(id.node());
    return v != null && id.compareTo(v.last()) <= 0;
  }

  private boolean ready(Transaction tx) {
    if (tx.prev() != null) {
      Meta.Version v = store.versions.get(tx.node());
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
    LogEntry entry = new LogEntry(store.nextSeq(), tx.id(), record);
    w.begin();
    try {
      meta.appendLog(w, entry.seq(), tx.id(), record);
      applier.apply(tx, changes, schema);
      Meta.Version next = new Meta.Version(tx.lastId(), tx.id());
      meta.saveVersion(w, tx.node(), next);
      meta.deletePending(w, tx.id());
      if (!schema.isEmpty()) {
        meta.saveCatalog(w, w.catalog());
      }
      w.commit();
    } catch (Materializer.MissingSchema e) {
      rollback();
      return false;
    } catch (SQLException | RuntimeException e) {
      rollback();
      throw e;
    }
    applied++;
    pendingInput.remove(tx.id());
    store.committedRemote(tx, entry, changes, schema);
    return true;
  }

  private void rollback() throws SQLException {
    w.rollback();
    w.catalog(store.committedCatalog());
  }

  /** Applies pending transactions until none more becomes ready. */
  private void retryPending() throws SQLException {
    boolean progress = true;
    while (progress) {
      progress = false;
      for (Transaction tx : loadPending()) {
        if (duplicate(tx)) {
          w.begin();
          meta.deletePending(w, tx.id());
          w.commit();
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
