package io.pluresdb.sql.plan;

import io.pluresdb.crdt.schema.ColumnType;
import io.pluresdb.sql.read.ColumnMeta;
import java.util.List;

/**
 * A planned statement, ready to execute any number of times with different parameters. Immutable
 * and shared between connections through the plan cache.
 */
public interface Prepared {
  /** The SQL text it was planned from. */
  String sql();

  /** True if executing it yields rows (SELECT, VALUES, EXPLAIN, SUBSCRIBE...). */
  boolean returnsRows();

  /** The result columns, for statements that return rows; empty otherwise. */
  List<ColumnMeta> columns();

  /** The inferred type of each dynamic parameter, in order. */
  List<ColumnType> parameterTypes();
}
