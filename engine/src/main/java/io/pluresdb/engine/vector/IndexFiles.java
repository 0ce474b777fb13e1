package io.pluresdb.engine.vector;

import io.pluresdb.vector.IndexFile;
import io.pluresdb.vector.IndexSpec;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where a store's HNSW indexes are saved: one file per index, named after it, in a directory beside
 * the database file; nowhere for an in-memory database.
 *
 * <p>Used by the maintenance thread only.
 */
final class IndexFiles {
  private static final Logger LOG = LoggerFactory.getLogger(IndexFiles.class);

  private final Path dir;

  /** {@code dir} null: an in-memory database, whose indexes are never saved. */
  IndexFiles(Path dir) {
    this.dir = dir;
  }

  /** The saved index, or null when there is none; a file that cannot be trusted fails. */
  IndexFile.Loaded load(String index, IndexSpec spec) throws IOException {
    if (dir == null || !Files.exists(file(index))) {
      return null;
    }
    return IndexFile.load(file(index), spec);
  }

  /** Saves an index as current to {@code position}; a failure is logged (the log has it all). */
  void save(LiveIndex ix, long position) {
    if (dir == null) {
      return;
    }
    try {
      IndexFile.save(ix.graph, position, file(ix.name()));
    } catch (IOException e) {
      // the next open rebuilds it or catches up from an older file
      LOG.warn("index {} could not be saved: {}", ix.name(), e.getMessage());
    }
  }

  void delete(String index) {
    if (dir == null) {
      return;
    }
    try {
      Files.deleteIfExists(file(index));
    } catch (IOException e) {
      LOG.warn("index {}: its file could not be deleted: {}", index, e.getMessage());
    }
  }

  private Path file(String index) {
    return dir.resolve(URLEncoder.encode(index, StandardCharsets.UTF_8) + ".bin");
  }
}
