package io.pluresdb.engine.vector;

import io.pluresdb.crdt.op.LogEntry;
import io.pluresdb.crdt.schema.IndexDef;
import io.pluresdb.crdt.store.Store;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The work of the HNSW maintenance thread: opening the indexes (each loaded from its file or built
 * from its table), catching up with the log from the oldest position they reflect, and saving them
 * when the service closes.
 *
 * <p>It follows the log rather than the change sets' contents, so one code path serves local
 * commits, replicated ones and the writes made while the database was closed.
 *
 * <p>Not thread-safe: every method runs on the maintenance thread, which alone holds the table
 * reader; what queries read is published through {@link IndexProgress} and the live index map.
 */
final class IndexMaintenance {
  private static final Logger LOG = LoggerFactory.getLogger(IndexMaintenance.class);

  /** Log entries read at a time: bounds memory on a long catch-up. */
  private static final int LOG_BATCH = 512;

  private final Store store;
  private final IndexFiles files;
  private final Map<String, LiveIndex> live;
  private final IndexBuilder builder;
  private final IndexProgress progress;
  private TableRows rows; // null until opened
  private ChangeApplier applier; // null until opened

  IndexMaintenance(
      Store store,
      IndexFiles files,
      Map<String, LiveIndex> live,
      IndexBuilder builder,
      IndexProgress progress) {
    this.store = store;
    this.files = files;
    this.live = live;
    this.builder = builder;
    this.progress = progress;
  }

  /**
   * Loads or builds every index, then catches up from the oldest position a loaded one reflects.
   */
  void open() {
    try {
      rows = new TableRows(store.openReader());
      applier = new ChangeApplier(store, files, live, builder, rows);
      long start = store.lastSeq();
      long from = start;
      for (IndexDef def : IndexBuilder.hnswIndexes(store.catalog())) {
        Long loaded = builder.load(def, rows);
        if (loaded != null) {
          from = Math.min(from, loaded);
        } else {
          builder.build(def, start, rows);
        }
      }
      progress.advance(from);
      catchUp();
    } catch (SQLException | RuntimeException e) {
      fail("opening the vector indexes", e);
    }
  }

  /** Applies the log after the applied position, in batches, until it is all applied. */
  void catchUp() {
    if (applier == null) {
      return; // opening failed or has not run: the next open starts from the files
    }
    try {
      while (true) {
        List<LogEntry> entries = store.readLog(progress.applied(), LOG_BATCH);
        if (entries.isEmpty()) {
          break;
        }
        applier.apply(entries, progress.applied());
        progress.advance(entries.get(entries.size() - 1).seq());
      }
      progress.recovered();
    } catch (SQLException | RuntimeException e) {
      fail("catching up with the log", e);
    }
  }

  /** Catches up one last time and saves every index as current to the applied position. */
  void shutdown() {
    if (!progress.failing() && progress.applied() >= 0) {
      catchUp();
      for (LiveIndex ix : live.values()) {
        files.save(ix, progress.applied());
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

  private void fail(String what, Exception e) {
    // Not fatal: queries search exactly, and the next commit retries the catch-up.
    LOG.warn(
        "vector indexes of node {}: {} failed; queries search exactly", store.nodeId(), what, e);
    progress.fail();
  }
}
