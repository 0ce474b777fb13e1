package io.pluresdb.engine.vector;

import io.pluresdb.crdt.schema.ColumnDef;
import io.pluresdb.crdt.schema.ColumnType;
import io.pluresdb.crdt.schema.IndexDef;
import io.pluresdb.crdt.schema.TableDef;
import io.pluresdb.vector.AnnIndex;
import io.pluresdb.vector.IndexSpec;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.ObjIntConsumer;

/**
 * One HNSW index kept current by {@link HnswIndexes}: the graph, keyed by the rows' SQLite rowids,
 * and what is needed to find a row's rowid from its entity key.
 *
 * <p>When the table's key is a single integer column, SQLite makes it the rowid itself and ids need
 * no map. Otherwise the rowid is SQLite's choice, so the index keeps a map from key to rowid, which
 * lets a delete (whose row is gone) find the vector to remove.
 *
 * <p>Thread-safety: the graph is searched by any thread; everything else, the map included, is used
 * by the maintenance thread only.
 */
final class LiveIndex {
  private static final EnumSet<ColumnType> ROWID_TYPES =
      EnumSet.of(ColumnType.TINYINT, ColumnType.SMALLINT, ColumnType.INTEGER, ColumnType.BIGINT);

  final IndexDef def;
  final IndexSpec spec;
  final AnnIndex graph;
  final TableDef table;
  final String column;

  /** True when the entity key is the rowid. */
  final boolean keyIsRowid;

  /** Key (see {@link Keys#of}) to rowid, when the key is not the rowid. */
  final Map<Object, Long> rowids = new HashMap<>();

  LiveIndex(IndexDef def, IndexSpec spec, AnnIndex graph, TableDef table) {
    this.def = def;
    this.spec = spec;
    this.graph = graph;
    this.table = table;
    this.column = def.columns().get(0);
    this.keyIsRowid = keyIsRowid(table);
  }

  static boolean keyIsRowid(TableDef table) {
    if (table.primaryKey().size() != 1) {
      return false;
    }
    ColumnDef key = table.column(table.primaryKey().get(0));
    return key != null && ROWID_TYPES.contains(key.type());
  }

  /** The index's name. */
  String name() {
    return def.name();
  }

  /**
   * An index of the table's rows, built with every available core; {@code started} learns the graph
   * and how many vectors go into it before they do (so progress can be watched).
   */
  static LiveIndex build(
      IndexDef def,
      IndexSpec spec,
      TableDef table,
      List<TableRows.Row> rows,
      ObjIntConsumer<AnnIndex> started)
      throws InterruptedException {
    LiveIndex ix = new LiveIndex(def, spec, AnnIndex.create(spec, rows.size()), table);
    List<Long> ids = new ArrayList<>(rows.size());
    List<float[]> vectors = new ArrayList<>(rows.size());
    for (TableRows.Row r : rows) {
      if (!ix.keyIsRowid) {
        ix.rowids.put(Keys.of(r.key()), r.rowid());
      }
      if (r.vector() != null && r.vector().length == spec.dimensions()) {
        ids.add(r.rowid());
        vectors.add(r.vector());
      }
    }
    started.accept(ix.graph, ids.size());
    ix.graph.putAll(ids, vectors, Runtime.getRuntime().availableProcessors());
    return ix;
  }

  /**
   * Takes a graph loaded from a file to the table's current rows: learns their rowids (when the key
   * is not the rowid) and drops vectors of rows the table no longer has, since a delete made while
   * the file was not current has no key-to-rowid entry to be found by.
   */
  void adopt(List<TableRows.Row> rows) {
    if (keyIsRowid) {
      return;
    }
    for (TableRows.Row r : rows) {
      rowids.put(Keys.of(r.key()), r.rowid());
    }
    Set<Long> present = new HashSet<>(rowids.values());
    for (Long id : graph.ids()) {
      if (!present.contains(id)) {
        graph.remove(id);
      }
    }
  }
}
