package io.pluresdb.crdt.store;

import io.pluresdb.crdt.error.Errors;
import io.pluresdb.crdt.error.SqlState;
import io.pluresdb.crdt.feed.EntityChange;
import io.pluresdb.crdt.op.Transaction;
import io.pluresdb.crdt.schema.Catalog;
import io.pluresdb.crdt.schema.SchemaChange;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * {@link Store#rebuild}: drops every materialized table and merge state, then replays the whole log
 * through the merge path ({@link TxApplier}), in one SQLite transaction. Since remote apply goes
 * through the same path, a rebuilt node holds what any node holding the same log holds.
 *
 * <p>Foreign keys and CHECK constraints are off while replaying, as for remote apply: the log's
 * order is causal but a row may be replayed before the row it refers to.
 *
 * <p>Not thread-safe: runs while the caller holds the store's writer permit.
 */
final class LogRebuild {
  private final Writer w;
  private final Meta meta;
  private final CommittedState state;
  private final String description;

  LogRebuild(Writer w, Meta meta, CommittedState state, String description) {
    this.w = w;
    this.meta = meta;
    this.state = state;
    this.description = description;
  }

  /** Rebuilds once after an upgrade that changed the node id (marked in {@code _pl_meta}). */
  static void afterUpgrade(Writer w, Meta meta, CommittedState state, String description)
      throws SQLException {
    if (meta.get(NodeIdentity.REBUILD_CLOCKS) != null) {
      // a crash before the key is cleared only rebuilds again
      new LogRebuild(w, meta, state, description).run();
      meta.delete(NodeIdentity.REBUILD_CLOCKS);
      w.commit();
    }
  }

  void run() throws SQLException {
    try {
      w.pragmas("PRAGMA foreign_keys=OFF", "PRAGMA ignore_check_constraints=ON");
      w.begin();
      try {
        replay();
      } catch (Materializer.MissingSchema e) {
        w.rollbackAfter(e, state.catalog());
        restoreTombTables();
        throw Errors.of(
            SqlState.DATA_CORRUPTED,
            "the log of " + description + " refers to a missing " + e.getMessage(),
            e);
      } catch (SQLException | RuntimeException e) {
        w.rollbackAfter(e, state.catalog());
        restoreTombTables();
        throw e;
      }
    } finally {
      w.pragmas("PRAGMA foreign_keys=ON", "PRAGMA ignore_check_constraints=OFF");
    }
  }

  private void replay() throws SQLException, Materializer.MissingSchema {
    for (String t : state.catalog().tables().keySet()) {
      w.exec("DROP TABLE IF EXISTS " + TableSql.quote(t));
    }
    w.exec("DELETE FROM _pl_tomb");
    // refused authorship is not in the log, so replaying cannot record it again
    w.exec("DELETE FROM _pl_conflicts WHERE kind <> 'AUTHORSHIP'");
    w.exec("DELETE FROM _pl_dropped");
    w.exec("DELETE FROM _pl_text");
    w.exec("DELETE FROM _pl_json");
    w.exec("DELETE FROM _pl_added");
    w.exec("DELETE FROM _pl_declared");
    w.exec("DELETE FROM _pl_horizon");
    // a table counts as altered from its first replayed rename or drop of a column on
    w.exec("DELETE FROM _pl_altered");
    w.tombTables.clear();
    w.hiddenTables.clear();
    w.catalog(Catalog.empty());
    TxApplier applier = new TxApplier(w);
    // a rebuild publishes nothing: readers see the new tables at once, subscribers get no deltas
    List<EntityChange> ignored = new ArrayList<>();
    List<SchemaChange> ignoredSchema = new ArrayList<>();
    for (Transaction tx : LogReader.transactions(w.conn)) {
      applier.apply(tx, ignored, ignoredSchema);
      ignored.clear();
    }
    meta.saveCatalog(w, w.catalog());
    w.commit();
    state.catalog(w.catalog());
  }

  /** The rolled-back rebuild had cleared these; the restored tables still need them. */
  private void restoreTombTables() throws SQLException {
    w.tombTables.addAll(meta.tombTables(false));
    w.hiddenTables.addAll(meta.tombTables(true));
  }
}
