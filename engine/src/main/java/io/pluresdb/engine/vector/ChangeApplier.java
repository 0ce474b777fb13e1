package io.pluresdb.engine.vector;

import io.pluresdb.crdt.op.LogEntry;
import io.pluresdb.crdt.op.OpKind;
import io.pluresdb.crdt.op.Operation;
import io.pluresdb.crdt.schema.Catalog;
import io.pluresdb.crdt.schema.IndexDef;
import io.pluresdb.crdt.schema.Names;
import io.pluresdb.crdt.schema.SchemaChange;
import io.pluresdb.crdt.schema.TableDef;
import io.pluresdb.crdt.store.Store;
import io.pluresdb.sql.vector.HnswOptions;
import io.pluresdb.vector.VectorException;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies a batch of log entries to the HNSW indexes: reconciles the indexes with the catalog when
 * the batch changes the schema, and re-reads every row the batch touched in an indexed table.
 *
 * <p>It reads rows from the materialized table rather than taking values from the operations,
 * because the table is the truth after merges: an operation from another node may lose to a later
 * one, and only the table knows which won.
 *
 * <p>Not thread-safe: used by the maintenance thread only, which alone changes the indexes (queries
 * search their graphs concurrently, which the graphs allow).
 */
final class ChangeApplier {
  private static final Logger LOG = LoggerFactory.getLogger(ChangeApplier.class);

  private final Store store;
  private final IndexFiles files;
  private final Map<String, LiveIndex> live;
  private final IndexBuilder builder;
  private final TableRows rows;

  ChangeApplier(
      Store store,
      IndexFiles files,
      Map<String, LiveIndex> live,
      IndexBuilder builder,
      TableRows rows) {
    this.store = store;
    this.files = files;
    this.live = live;
    this.builder = builder;
    this.rows = rows;
  }

  /**
   * Applies {@code entries}, the log after {@code position}; an index built meanwhile is saved as
   * current to {@code position}, since its rows are read now and the catch-up re-applies the rest.
   */
  void apply(List<LogEntry> entries, long position) throws SQLException {
    // Keys are collected first so an entity written many times in the batch is re-read once.
    Map<String, Map<Object, Object[]>> touched = new LinkedHashMap<>();
    Set<String> stale = new HashSet<>();
    boolean schema = false;
    for (LogEntry entry : entries) {
      for (Operation op : entry.transaction().ops()) {
        if (op.kind() == OpKind.SCHEMA) {
          schema = true;
          staleAfter(op.schema(), stale);
        } else if (indexes(op.table(), op)) {
          touched
              .computeIfAbsent(op.table(), t -> new LinkedHashMap<>())
              .put(Keys.of(op.key()), op.key());
        }
      }
    }
    if (schema) {
      reconcile(store.catalog(), stale, position);
    }
    for (Map.Entry<String, Map<Object, Object[]>> t : touched.entrySet()) {
      for (LiveIndex ix : live.values()) {
        if (Names.same(ix.table.name(), t.getKey())) {
          for (Object[] key : t.getValue().values()) {
            refresh(ix, key);
          }
        }
      }
    }
  }

  /** True when an operation on {@code table} may change a vector some index holds. */
  private boolean indexes(String table, Operation op) {
    for (LiveIndex ix : live.values()) {
      if (Names.same(ix.table.name(), table)) {
        if (op.kind() != OpKind.UPDATE) {
          return true;
        }
        for (String c : op.columns()) {
          if (Names.same(c, ix.column)) {
            return true;
          }
        }
      }
    }
    return false;
  }

  /** Indexes whose content a schema change invalidates even if their definition survives. */
  private void staleAfter(SchemaChange change, Set<String> stale) {
    for (LiveIndex ix : live.values()) {
      if (change instanceof SchemaChange.DropTable d && Names.same(d.table(), ix.table.name())
          || change instanceof SchemaChange.DropIndex d2 && Names.same(d2.index(), ix.name())
          || change instanceof SchemaChange.CreateIndex c
              && Names.same(c.index().name(), ix.name())) {
        stale.add(ix.name());
      }
    }
  }

  /** Drops indexes the catalog no longer has (or has differently) and builds the new ones. */
  private void reconcile(Catalog catalog, Set<String> stale, long position) throws SQLException {
    rows.forget();
    for (LiveIndex ix : List.copyOf(live.values())) {
      IndexDef now = catalog.indexes().get(ix.name());
      if (now == null
          || !now.equals(ix.def)
          || stale.contains(ix.name())
          || !sameShape(ix, catalog)) {
        live.remove(ix.name());
        files.delete(ix.name());
      }
    }
    for (IndexDef def : IndexBuilder.hnswIndexes(catalog)) {
      if (!live.containsKey(def.name())) {
        builder.build(def, position, rows);
      }
    }
  }

  /** True when the index's table still has the key and the vector column the index was built on. */
  private static boolean sameShape(LiveIndex ix, Catalog catalog) {
    try {
      TableDef t = catalog.table(ix.table.name());
      return t != null
          && t.keyColumns().equals(ix.table.keyColumns())
          && HnswOptions.spec(ix.def, catalog).equals(ix.spec);
    } catch (SQLException e) {
      return false; // the definition no longer yields a spec: rebuild (or skip) it
    }
  }

  /** Re-reads one entity's row and puts, moves or removes its vector. */
  private void refresh(LiveIndex ix, Object[] key) throws SQLException {
    TableRows.Row row = rows.byKey(ix, key);
    if (row == null) {
      // deleted: the row is gone, so its rowid comes from the key (or the key-to-rowid map)
      Long id =
          ix.keyIsRowid ? (Long) ((Number) key[0]).longValue() : ix.rowids.remove(Keys.of(key));
      if (id != null) {
        ix.graph.remove(id);
      }
      return;
    }
    if (!ix.keyIsRowid) {
      Long old = ix.rowids.put(Keys.of(key), row.rowid());
      if (old != null && old != row.rowid()) {
        ix.graph.remove(old); // SQLite gave the entity a new rowid (deleted and re-inserted)
      }
    }
    if (row.vector() == null) {
      ix.graph.remove(row.rowid());
    } else {
      try {
        ix.graph.put(row.rowid(), row.vector());
      } catch (VectorException e) {
        LOG.warn("index {} skips row {}: {}", ix.name(), row.rowid(), e.getMessage());
      }
    }
  }
}
