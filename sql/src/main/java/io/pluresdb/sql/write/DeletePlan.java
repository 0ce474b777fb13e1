package io.pluresdb.sql.write;

import io.pluresdb.crdt.schema.ColumnType;
import io.pluresdb.sql.read.ColumnMeta;
import io.pluresdb.sql.read.ReadPlan;
import java.util.List;

/**
 * A planned DELETE: one pushed-down query finds the keys of the rows to delete. Immutable.
 *
 * @param finder {@code SELECT key... FROM table WHERE condition}
 * @param keyColumns how to read the keys
 */
public record DeletePlan(
    String table, ReadPlan finder, List<ColumnMeta> keyColumns, List<ColumnType> parameterTypes)
    implements WriteKind {
  public DeletePlan {
    keyColumns = List.copyOf(keyColumns);
    parameterTypes = List.copyOf(parameterTypes);
  }
}
