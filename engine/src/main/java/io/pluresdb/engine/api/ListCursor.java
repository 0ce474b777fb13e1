package io.pluresdb.engine.api;

import io.pluresdb.crdt.error.Errors;
import io.pluresdb.crdt.error.SqlState;
import io.pluresdb.sql.read.ColumnMeta;
import java.sql.SQLException;
import java.util.List;

/**
 * A cursor over rows already in memory (generated keys, EXPLAIN output).
 *
 * <p>Not thread-safe: used by the one statement that produced it.
 */
public final class ListCursor implements Cursor {
  private final List<ColumnMeta> columns;
  private final List<Object[]> rows;
  private int position = -1;
  private boolean closed;

  public ListCursor(List<ColumnMeta> columns, List<Object[]> rows) {
    this.columns = List.copyOf(columns);
    this.rows = rows;
  }

  @Override
  public List<ColumnMeta> columns() {
    return columns;
  }

  @Override
  public boolean next() throws SQLException {
    check();
    if (position < rows.size()) {
      position++;
    }
    return position < rows.size();
  }

  @Override
  public Object get(int column) throws SQLException {
    check();
    if (position < 0 || position >= rows.size()) {
      throw Errors.of(SqlState.INVALID_CURSOR_STATE, "the cursor is not on a row");
    }
    if (column < 1 || column > columns.size()) {
      throw Errors.of(
          SqlState.INVALID_DESCRIPTOR_INDEX,
          "column " + column + " is out of range 1.." + columns.size());
    }
    return rows.get(position)[column - 1];
  }

  private void check() throws SQLException {
    if (closed) {
      throw Errors.of(SqlState.INVALID_CURSOR_STATE, "the cursor is closed");
    }
  }

  @Override
  public void close() {
    closed = true;
  }
}
