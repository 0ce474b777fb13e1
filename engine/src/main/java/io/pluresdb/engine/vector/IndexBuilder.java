package io.pluresdb.engine.vector;

import io.pluresdb.crdt.schema.Catalog;
import io.pluresdb.crdt.schema.IndexDef;
import io.pluresdb.crdt.store.Store;
import io.pluresdb.engine.api.IndexBuild;
import io.pluresdb.sql.vector.HnswOptions;
import io.pluresdb.vector.AnnIndex;
import io.pluresdb.vector.IndexFile;
import io.pluresdb.vector.IndexSpec;
import java.io.IOException;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings an HNSW index into memory: loaded from its file when one is usable (so a restart costs
 * only the writes since the save), otherwise built from its table's rows and saved.
 *
 * <p>Thread-safety: {@link #load} and {@link #build} run on the maintenance thread only, which
 * alone writes the counters and the build in progress; they are volatile so any thread may read
 * them.
 */
final class IndexBuilder {
  private static final Logger LOG = LoggerFactory.getLogger(IndexBuilder.class);

  private final Store store;
  private final IndexFiles files;
  private final Map<String, LiveIndex> live;
  private volatile int builds;
  private volatile int loads;
  private volatile Building building; // the index being built now, or null

  /** {@code live}: where loaded and built indexes are published for queries to search. */
  IndexBuilder(Store store, IndexFiles files, Map<String, LiveIndex> live) {
    this.store = store;
    this.files = files;
    this.live = live;
  }

  /** The HNSW indexes the catalog defines (it holds other kinds too). */
  static List<IndexDef> hnswIndexes(Catalog catalog) {
    return catalog.indexes().values().stream().filter(HnswOptions::isHnsw).toList();
  }

  /**
   * Whether the catalog defines an HNSW index: asked on every commit, so it allocates nothing, as
   * {@link #hnswIndexes} would.
   */
  static boolean anyHnsw(Catalog catalog) {
    for (IndexDef index : catalog.indexes().values()) {
      if (HnswOptions.isHnsw(index)) {
        return true;
      }
    }
    return false;
  }

  int builds() {
    return builds;
  }

  int loads() {
    return loads;
  }

  /** The index being built from its table now, and how far it got; null when none is. */
  IndexBuild building() {
    Building b = building;
    return b == null ? null : new IndexBuild(b.name, b.graph.size(), b.total);
  }

  /** Loads an index from its file and returns the log position it is current to, or null. */
  Long load(IndexDef def, TableRows rows) throws SQLException {
    Catalog catalog = store.catalog();
    IndexSpec spec = HnswOptions.spec(def, catalog);
    try {
      IndexFile.Loaded loaded = files.load(def.name(), spec);
      if (loaded == null) {
        return null;
      }
      if (loaded.position() > store.lastSeq()) {
        // a file from a newer life of this database (restored from a backup?): cannot catch up
        throw new IOException("it is ahead of the log (seq " + loaded.position() + ")");
      }
      LiveIndex ix = new LiveIndex(def, spec, loaded.index(), catalog.table(def.table()));
      ix.adopt(rows.scan(ix));
      live.put(def.name(), ix);
      loads++;
      return loaded.position();
    } catch (IOException e) {
      LOG.warn(
          "index {}: {}; rebuilding it from table {}", def.name(), e.getMessage(), def.table());
      return null;
    }
  }

  /** Builds an index from its table's rows and saves it as current to {@code position}. */
  void build(IndexDef def, long position, TableRows rows) throws SQLException {
    Catalog catalog = store.catalog();
    IndexSpec spec;
    try {
      spec = HnswOptions.spec(def, catalog);
    } catch (SQLException e) {
      // a definition the catalog accepted but this node cannot index: queries search exactly
      LOG.warn("index {} cannot be built: {}", def.name(), e.getMessage());
      return;
    }
    LiveIndex probe = new LiveIndex(def, spec, null, catalog.table(def.table()));
    LiveIndex ix;
    try {
      ix =
          LiveIndex.build(
              def,
              spec,
              probe.table,
              rows.scan(probe),
              (graph, total) -> building = new Building(def.name(), graph, total));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return;
    } finally {
      building = null;
    }
    live.put(def.name(), ix);
    builds++;
    files.save(ix, position);
  }

  private record Building(String name, AnnIndex graph, int total) {}
}
