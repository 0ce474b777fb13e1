package io.pluresdb.driver.jdbc;

import io.pluresdb.engine.api.Cursor;
import io.pluresdb.sql.read.ColumnMeta;
import java.util.List;

/** A cursor over fixed rows, standing in for the planner in single-class tests. */
final class ListCursor implements Cursor {
  private final List<ColumnMeta> columns;
  private final List<Object[]> rows;
  private int position = -1;
  boolean closed;

  ListCursor(List<ColumnMeta> columns, List<Object[]> rows) {
    this.columns = columns;
    this.rows = rows;
  }

  @Override
  public List<ColumnMeta> columns() {
    return columns;
  }

  @Override
  public boolean next() {
    if (closed) {
      throw new IllegalStateException("cursor used after close");
    }
    return ++position < rows.size();
  }

  @Override
  public Object get(int column) {
    return rows.get(position)[column - 1];
  }

  @Override
  public void close() {
    closed = true;
  }
}
