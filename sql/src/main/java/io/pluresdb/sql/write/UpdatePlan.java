package io.pluresdb.sql.write;

import io.pluresdb.crdt.schema.ColumnType;
import io.pluresdb.sql.read.ColumnMeta;
import io.pluresdb.sql.read.ReadPlan;
import java.util.List;

/**
 * A planned UPDATE: one pushed-down query finds each affected row's key and the new values SQLite
 * computes; literals and parameters are set from Java. Immutable.
 *
 * @param table the target table
 * @param finder {@code SELECT key..., expr... FROM table WHERE condition}
 * @param rowColumns how to read a finder row: the key columns, then the pushed expressions
 * @param keyCount how many leading finder columns are the key
 * @param set the assignments; pushed values are {@link ValueSource.FromRow}
 */
public record UpdatePlan(
    String table,
    ReadPlan finder,
    List<ColumnMeta> rowColumns,
    int keyCount,
    Assignments set,
    List<ColumnType> parameterTypes)
    implements WriteKind {
  public UpdatePlan {
    rowColumns = List.copyOf(rowColumns);
    parameterTypes = List.copyOf(parameterTypes);
  }
}
