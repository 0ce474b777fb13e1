package io.pluresdb.engine.exec;

import io.pluresdb.sql.read.ColumnMeta;
import java.util.List;

/**
 * What a write did: the number of rows it changed, when asked for the key rows it generated or
 * touched, and the rowid of the last row it inserted (0 when none; see {@link SessionCounters}).
 * Immutable once built.
 */
public record WriteResult(
    long count, List<ColumnMeta> keyColumns, List<Object[]> keys, long lastInsertRowid) {
  public WriteResult {
    keyColumns = List.copyOf(keyColumns);
    keys = List.copyOf(keys);
  }

  /** A result that inserted no row. */
  public WriteResult(long count, List<ColumnMeta> keyColumns, List<Object[]> keys) {
    this(count, keyColumns, keys, 0);
  }
}
