package io.pluresdb.engine.api;

import io.pluresdb.sql.read.ColumnMeta;
import java.sql.SQLException;
import java.util.List;

/**
 * A forward-only stream of rows whose values are canonical for their {@link ColumnMeta#type()} (see
 * {@code io.pluresdb.crdt.value.Values}). The JDBC result set is a thin conversion layer on top.
 * Columns are numbered from 1, as in JDBC.
 *
 * <p>Not thread-safe: used by the one statement that produced it, except {@link #cancel()}.
 */
public interface Cursor extends AutoCloseable {
  List<ColumnMeta> columns();

  /** Advances to the next row; false past the last one. */
  boolean next() throws SQLException;

  /** The canonical value of a column of the current row, or null. */
  Object get(int column) throws SQLException;

  /**
   * True for a cursor that never runs out by itself (a live query): it must be streamed, never read
   * to the end.
   */
  default boolean unbounded() {
    return false;
  }

  /** Stops a cursor that waits for rows (a live query); any thread. Others ignore it. */
  default void cancel() {}

  @Override
  void close() throws SQLException;
}
