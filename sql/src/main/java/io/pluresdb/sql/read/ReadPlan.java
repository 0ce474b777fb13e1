package io.pluresdb.sql.read;

import io.pluresdb.crdt.schema.ColumnType;
import java.util.List;

/**
 * A query compiled to one SQLite statement. Immutable.
 *
 * @param sqliteSql the statement sent to SQLite
 * @param paramOrder for each {@code ?} of {@code sqliteSql}, in order, the index of the user's
 *     parameter it binds (the validator may reorder or repeat expressions)
 * @param columns the result columns; values are read as their {@link ColumnMeta#type()}
 * @param parameterTypes the inferred type of each user parameter
 * @param exactScale per result column, whether DECIMAL values are given the column's scale
 */
public record ReadPlan(
    String sqliteSql,
    int[] paramOrder,
    List<ColumnMeta> columns,
    List<ColumnType> parameterTypes,
    boolean[] exactScale) {
  public ReadPlan {
    paramOrder = paramOrder.clone();
    columns = List.copyOf(columns);
    parameterTypes = List.copyOf(parameterTypes);
    exactScale = exactScale.clone();
  }

  /** A plan whose DECIMAL values are read as SQLite gives them. */
  public ReadPlan(
      String sqliteSql,
      int[] paramOrder,
      List<ColumnMeta> columns,
      List<ColumnType> parameterTypes) {
    this(sqliteSql, paramOrder, columns, parameterTypes, new boolean[columns.size()]);
  }

  /**
   * Per result column, whether its DECIMAL values take the column's scale (see {@code
   * ExactScales}).
   */
  @Override
  public boolean[] exactScale() {
    return exactScale.clone();
  }

  @Override
  public int[] paramOrder() {
    return paramOrder.clone();
  }

  /** The user parameter bound to the {@code i}-th (0-based) placeholder of the SQLite SQL. */
  public int paramAt(int i) {
    return paramOrder[i];
  }

  public int placeholderCount() {
    return paramOrder.length;
  }
}
