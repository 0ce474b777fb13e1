package io.pluresdb.driver.jdbc;

import io.pluresdb.sql.read.ColumnMeta;
import java.sql.SQLException;
import java.util.List;

/**
 * The rows behind a result set: streamed from a planner cursor ({@link StreamingRows}) or held in
 * memory and scrollable ({@link MaterializedRows}). Values are canonical; columns count from 1.
 *
 * <p>Not thread-safe: owned by one result set.
 */
interface RowSource extends AutoCloseable {
  List<ColumnMeta> columns();

  boolean next() throws SQLException;

  /** The current row's value; only valid while positioned on a row. */
  Object get(int column);

  /** True while positioned on a row (not before the first or after the last). */
  boolean onRow();

  /** The current row number from 1, or 0 when not on a row. */
  int row();

  boolean isBeforeFirst() throws SQLException;

  boolean isAfterLast() throws SQLException;

  boolean isFirst() throws SQLException;

  boolean isLast() throws SQLException;

  @Override
  void close() throws SQLException;
}
