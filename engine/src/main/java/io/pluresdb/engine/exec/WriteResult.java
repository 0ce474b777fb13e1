package io.pluresdb.engine.exec;

import io.pluresdb.sql.read.ColumnMeta;
import java.util.List;

/**
 * What a write did: the number of rows it changed and, when asked for, the key rows it generated or
 * touched. Immutable once built.
 */
public record WriteResult(long count, List<ColumnMeta> keyColumns, List<Object[]> keys) {
  public WriteResult {
    keyColumns = List.copyOf(keyColumns);
    keys = List.copyOf(keys);
  }
}
