package io.pluresdb.engine.vector;

import io.pluresdb.crdt.feed.ChangeSet;
import io.pluresdb.crdt.op.LogEntry;
import io.pluresdb.crdt.op.OpKind;
import io.pluresdb.crdt.op.Operation;
import io.pluresdb.crdt.schema.Catalog;
import io.pluresdb.crdt.schema.IndexDef;
import io.pluresdb.crdt.schema.SchemaChange;
import io.pluresdb.crdt.store.Store;
import io.pluresdb.engine.api.IndexBuild;
import io.pluresdb.engine.threads.EngineRuntime;
import io.pluresdb.sql.vector.HnswOptions;
import io.pluresdb.vector.AnnIndex;
import io.pluresdb.vector.IndexFile;
import io.pluresdb.vector.IndexSpec;
import io.pluresdb.vector.VectorException;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HNSW indexes of one store, kept current with its log: the service an engine runs beside its
 * store.
 *
 * <p>It follows the log, not the change sets' contents: each change feed notification (local or
 * replicated commit) asks the maintenance thread to read the log entries after the last one it
 * applied, collect the keys they touched in indexed tables, and re-read those rows from the
 * materialized table, which is the truth after merges. The same catch-up runs when the store opens,
 * from the position saved with each index file, so a restart costs the writes made since the last
 * save instead of a rebuild; an index without a usable file (none yet, torn, another shape) is
 * built from its table. Schema changes in the log (an index created or dropped here or on another
 * node, a table dropped) reconcile the indexes with the catalog. Indexes are saved, each with the
 * log position they are current to, when built and when the service closes; an in-memory database
 * keeps them in memory only.
 *
 * <p>The class is longer than most: opening, catching up, reconciling with the catalog and
 * refreshing rows share the maintenance thread's state and read best side by side.
 *
 * <p>Thread-safety: one maintenance thread changes indexes; queries on any thread search them and
 * wait for them to be current ({@link #awaitCurrent}), guarded by this object's monitor.
 */
public final class HnswIndexes implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(HnswIndexes.class);
  private static final int LOG_BATCH = 512;

  private final Store store;
  private final IndexFiles files;
  private final ExecutorService worker;
  private final Map<String, LiveIndex> live = new ConcurrentHashMap<>();
  private final AtomicBoolean catchUpQueued = new AtomicBoolean();
  private final AutoCloseable subscription;
  private TableRows rows; // maintenance thread only
  private volatile long applied = -1; // log position every index reflects; -1 until opened
  private volatile boolean failing;
  private volatile int builds;
  private volatile int loads;
  private volatile Building building; // the index the maintenance thread is building, or null
  private final java.util.concurrent.atomic.AtomicLong searches =
      new java.util.concurrent.atomic.AtomicLong();
  private final java.util.concurrent.atomic.AtomicLong exactRuns =
      new java.util.concurrent.atomic.AtomicLong();

  private HnswIndexes(Store store, Path dir, EngineRuntime runtime) {
    this.store = store;
    this.files = new IndexFiles(dir);
    this.worker = runtime.singleThread("hnsw");
    this.subscription = store.changeFeed().subscribe(this::committed);
  }

  /**
   * Starts maintaining the store's HNSW indexes, persisted under {@code dir} (null for an in-memory
   * database); loading and catching up run on a maintenance thread of {@code runtime}.
   */
  public static HnswIndexes start(Store store, Path dir, EngineRuntime runtime) {
    HnswIndexes s = new HnswIndexes(store, dir, runtime);
    s.worker.execute(s::open);
    return s;
  }

  /** Where a file database keeps its indexes: the directory {@code <file>.hnsw} beside it. */
  public static Path directoryFor(Path databaseFile) {
    return databaseFile.resolveSibling(databaseFile.getFileName() + ".hnsw");
  }

  /** The graph of index {@code name}, or null when it is not built (yet). */
  public AnnIndex graph(String name) {
    LiveIndex ix = live.get(name);
    return ix == null ? null : ix.graph;
  }

  /** The log position every index reflects; -1 before the indexes are opened. */
  public long appliedSeq() {
    return applied;
  }

  /** How many indexes were built from their table, and how many loaded from a file (tests). */
  public int builds() {
    return builds;
  }

  /** The index being built from its table now, and how far it got; null when none is. */
  public IndexBuild building() {
    Building b = building;
    return b == null ? null : new IndexBuild(b.name, b.graph.size(), b.total);
  }

  public int loads() {
    return loads;
  }

  /** Top-k queries answered through an index, and those run exactly instead (tests, EXPLAIN). */
  public long searches() {
    return searches.get();
  }

  public long exactRuns() {
    return exactRuns.get();
  }

  void countSearch() {
    searches.incrementAndGet();
  }

  void countExact() {
    exactRuns.incrementAndGet();
  }

  /**
   * Waits up to {@code timeoutMillis} for every index to reflect the log up to {@code seq}; false
   * when they do not (still building, or maintenance failing), so the caller can search exactly.
   */
  public boolean awaitCurrent(long seq, long timeoutMillis) throws InterruptedException {
    if (applied >= seq) {
      return true;
    }
    if (failing) {
      return false;
    }
    requestCatchUp(seq);
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
    synchronized (this) {
      while (applied < seq && !failing) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          return false;
        }
        TimeUnit.NANOSECONDS.timedWait(this, left);
      }
    }
    return applied >= seq;
  }

  /** Change-feed listener (committing thread): cheap, never reads the log itself. */
  private void committed(ChangeSet cs) {
    long seq = cs.entry() == null ? -1 : cs.entry().seq();
    if (seq > 0
        && applied >= 0
        && live.isEmpty()
        && cs.schemaChanges().isEmpty()
        && hnswIndexes(store.catalog()).isEmpty()) {
      // Nothing is indexed, and this transaction creates no index: skip reading and decoding the
      // log for it (a write-heavy database without vector indexes would otherwise pay for every
      // commit twice); a first index is built from its table, not from the log.
      advance(seq);
      return;
    }
    requestCatchUp(seq);
  }

  private void requestCatchUp(long seq) {
    if (seq >= 0 && seq <= applied) {
      return;
    }
    if (catchUpQueued.compareAndSet(false, true)) {
      try {
        worker.execute(
            () -> {
              catchUpQueued.set(false);
              catchUp();
            });
      } catch (RejectedExecutionException closing) {
        catchUpQueued.set(false); // closing: the next open catches up from the log
      }
    }
  }

  // ---- maintenance thread ----

  private void open() {
    try {
      rows = new TableRows(store.openReader());
      long start = store.lastSeq();
      long from = start;
      for (IndexDef def : hnswIndexes(store.catalog())) {
        Long loaded = load(def);
        if (loaded != null) {
          from = Math.min(from, loaded);
        } else {
          build(def, start);
        }
      }
      advance(from);
      catchUp();
    } catch (SQLException | RuntimeException e) {
      fail("opening the vector indexes", e);
    }
  }

  private void catchUp() {
    if (rows == null) {
      return;
    }
    try {
      while (true) {
        List<LogEntry> entries = store.readLog(applied, LOG_BATCH);
        if (entries.isEmpty()) {
          break;
        }
        applyEntries(entries);
        advance(entries.get(entries.size() - 1).seq());
      }
      if (failing) {
        failing = false;
      }
    } catch (SQLException | RuntimeException e) {
      fail("catching up with the log", e);
    }
  }

  private void applyEntries(List<LogEntry> entries) throws SQLException {
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
      reconcile(store.catalog(), stale);
    }
    for (Map.Entry<String, Map<Object, Object[]>> t : touched.entrySet()) {
      for (LiveIndex ix : live.values()) {
        if (ix.table.name().equals(t.getKey())) {
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
      if (ix.table.name().equals(table)) {
        if (op.kind() != OpKind.UPDATE) {
          return true;
        }
        for (String c : op.columns()) {
          if (c.equals(ix.column)) {
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
      if (change instanceof SchemaChange.DropTable d && d.table().equals(ix.table.name())
          || change instanceof SchemaChange.DropIndex d2 && d2.index().equals(ix.name())
          || change instanceof SchemaChange.CreateIndex c && c.index().name().equals(ix.name())) {
        stale.add(ix.name());
      }
    }
  }

  /** Drops indexes the catalog no longer has (or has differently) and builds the new ones. */
  private void reconcile(Catalog catalog, Set<String> stale) throws SQLException {
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
    for (IndexDef def : hnswIndexes(catalog)) {
      if (!live.containsKey(def.name())) {
        build(def, applied);
      }
    }
  }

  /** True when the index's table still has the key and the vector column the index was built on. */
  private static boolean sameShape(LiveIndex ix, Catalog catalog) {
    try {
      io.pluresdb.crdt.schema.TableDef t = catalog.table(ix.table.name());
      return t != null
          && t.keyColumns().equals(ix.table.keyColumns())
          && HnswOptions.spec(ix.def, catalog).equals(ix.spec);
    } catch (SQLException e) {
      return false;
    }
  }

  /** Re-reads one entity's row and puts, moves or removes its vector. */
  private void refresh(LiveIndex ix, Object[] key) throws SQLException {
    TableRows.Row row = rows.byKey(ix, key);
    if (row == null) {
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
        ix.graph.remove(old);
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

  /** Loads an index from its file and returns the log position it is current to, or null. */
  private Long load(IndexDef def) throws SQLException {
    Catalog catalog = store.catalog();
    IndexSpec spec = HnswOptions.spec(def, catalog);
    try {
      IndexFile.Loaded loaded = files.load(def.name(), spec);
      if (loaded == null) {
        return null;
      }
      if (loaded.position() > store.lastSeq()) {
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
  private void build(IndexDef def, long position) throws SQLException {
    Catalog catalog = store.catalog();
    IndexSpec spec;
    try {
      spec = HnswOptions.spec(def, catalog);
    } catch (SQLException e) {
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

  private void advance(long seq) {
    synchronized (this) {
      applied = Math.max(applied, seq);
      notifyAll();
    }
  }

  private void fail(String what, Exception e) {
    LOG.warn(
        "vector indexes of node {}: {} failed; queries search exactly", store.nodeId(), what, e);
    synchronized (this) {
      failing = true;
      notifyAll();
    }
  }

  private static List<IndexDef> hnswIndexes(Catalog catalog) {
    return catalog.indexes().values().stream().filter(HnswOptions::isHnsw).toList();
  }

  private void shutdown() {
    if (!failing && applied >= 0) {
      catchUp();
      for (LiveIndex ix : live.values()) {
        files.save(ix, applied);
      }
    }
    try {
      if (rows != null) {
        rows.close();
      }
    } catch (SQLException e) {
      LOG.warn("closing the vector index reader: {}", e.getMessage());
    }
  }

  /** Stops following the log, saves every index as current to the last applied position. */
  @Override
  public void close() throws Exception {
    subscription.close();
    try {
      worker.execute(this::shutdown);
    } catch (RejectedExecutionException alreadyClosed) {
      return;
    }
    worker.shutdown();
    if (!worker.awaitTermination(5, TimeUnit.MINUTES)) {
      worker.shutdownNow();
    }
  }

  private record Building(String name, AnnIndex graph, int total) {}
}
