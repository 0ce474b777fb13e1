package io.pluresdb.engine.vector;

import io.pluresdb.crdt.feed.ChangeSet;
import io.pluresdb.crdt.store.Store;
import io.pluresdb.engine.api.IndexBuild;
import io.pluresdb.engine.threads.EngineRuntime;
import io.pluresdb.vector.AnnIndex;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The HNSW indexes of one store, kept current with its log: the service an engine runs beside its
 * store, and what queries ask for an index and wait on.
 *
 * <p>Each change feed notification (local or replicated commit) asks the maintenance thread to
 * catch up with the log ({@link IndexMaintenance}), which re-reads the rows the new entries touched
 * ({@link ChangeApplier}). The same catch-up runs when the store opens, from the position saved
 * with each index file, so a restart costs the writes made since the last save instead of a
 * rebuild; an index without a usable file (none yet, torn, another shape) is built from its table
 * ({@link IndexBuilder}). Indexes are saved, each with the log position they are current to, when
 * built and when the service closes; an in-memory database keeps them in memory only.
 *
 * <p>Thread-safety: one maintenance thread, owned by this service, changes indexes; queries on any
 * thread search them and wait for them to be current ({@link #awaitCurrent}) through {@link
 * IndexProgress}; the index map is concurrent and the counters atomic.
 */
public final class HnswIndexes implements AutoCloseable {
  private final Store store;
  private final ExecutorService worker;
  private final Map<String, LiveIndex> live = new ConcurrentHashMap<>();
  private final IndexProgress progress = new IndexProgress();
  private final IndexBuilder builder;
  private final IndexMaintenance maintenance;
  private final AtomicBoolean catchUpQueued = new AtomicBoolean();
  private final AutoCloseable subscription;
  private final AtomicLong searches = new AtomicLong();
  private final AtomicLong exactRuns = new AtomicLong();

  private HnswIndexes(Store store, Path dir, EngineRuntime runtime) {
    this.store = store;
    IndexFiles files = new IndexFiles(dir);
    this.builder = new IndexBuilder(store, files, live);
    this.maintenance = new IndexMaintenance(store, files, live, builder, progress);
    this.worker = runtime.singleThread("hnsw");
    this.subscription = store.changeFeed().subscribe(this::committed);
  }

  /**
   * Starts maintaining the store's HNSW indexes, persisted under {@code dir} (null for an in-memory
   * database); loading and catching up run on a maintenance thread of {@code runtime}.
   */
  public static HnswIndexes start(Store store, Path dir, EngineRuntime runtime) {
    HnswIndexes s = new HnswIndexes(store, dir, runtime);
    s.worker.execute(s.maintenance::open);
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
    return progress.applied();
  }

  /** How many indexes were built from their table, and how many loaded from a file (tests). */
  public int builds() {
    return builder.builds();
  }

  /** The index being built from its table now, and how far it got; null when none is. */
  public IndexBuild building() {
    return builder.building();
  }

  public int loads() {
    return builder.loads();
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
    if (progress.applied() >= seq) {
      return true;
    }
    if (progress.failing()) {
      return false;
    }
    requestCatchUp(seq);
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
    return progress.await(seq, deadline);
  }

  /** Change-feed listener (committing thread): cheap, never reads the log itself. */
  private void committed(ChangeSet cs) {
    long seq = cs.entry() == null ? -1 : cs.entry().seq();
    if (seq > 0
        && progress.applied() >= 0
        && live.isEmpty()
        && cs.schemaChanges().isEmpty()
        && !IndexBuilder.anyHnsw(store.catalog())) {
      // Nothing is indexed, and this transaction creates no index: skip reading and decoding the
      // log for it (a write-heavy database without vector indexes would otherwise pay for every
      // commit twice); a first index is built from its table, not from the log.
      progress.advance(seq);
      return;
    }
    requestCatchUp(seq);
  }

  /** Queues one catch-up unless one is already queued: a burst of commits costs one log read. */
  private void requestCatchUp(long seq) {
    if (seq >= 0 && seq <= progress.applied()) {
      return;
    }
    if (catchUpQueued.compareAndSet(false, true)) {
      try {
        worker.execute(
            () -> {
              catchUpQueued.set(false);
              maintenance.catchUp();
            });
      } catch (RejectedExecutionException closing) {
        catchUpQueued.set(false); // closing: the next open catches up from the log
      }
    }
  }

  /** Stops following the log, saves every index as current to the last applied position. */
  @Override
  public void close() throws Exception {
    subscription.close();
    try {
      worker.execute(maintenance::shutdown);
    } catch (RejectedExecutionException alreadyClosed) {
      return;
    }
    worker.shutdown();
    if (!worker.awaitTermination(5, TimeUnit.MINUTES)) {
      worker.shutdownNow();
    }
  }
}
