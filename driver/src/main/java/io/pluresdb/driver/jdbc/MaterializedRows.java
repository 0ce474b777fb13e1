package io.pluresdb.driver.jdbc;

import io.pluresdb.engine.api.Cursor;
import io.pluresdb.sql.read.ColumnMeta;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Rows held in memory: the scroll-insensitive result sets (a snapshot read at execution) and the
 * answers of {@code DatabaseMetaData}. Position 0 is before the first row, {@code size + 1} after
 * the last.
 *
 * <p>Not thread-safe: owned by one result set.
 */
final class MaterializedRows implements RowSource {
  private final List<ColumnMeta> columns;
  private final List<Object[]> rows;
  private int position;

  MaterializedRows(List<ColumnMeta> columns, List<Object[]> rows) {
    this.columns = List.copyOf(columns);
    this.rows = List.copyOf(rows);
  }

  /** Reads a cursor to its end (at most {@code maxRows} rows unless 0) and closes it. */
  static MaterializedRows of(Cursor cursor, long maxRows) throws SQLException {
    try (cursor) {
      List<ColumnMeta> columns = cursor.columns();
      List<Object[]> rows = new ArrayList<>();
      while ((maxRows == 0 || rows.size() < maxRows) && cursor.next()) {
        Object[] values = new Object[columns.size()];
        for (int i = 0; i < values.length; i++) {
          values[i] = cursor.get(i + 1);
        }
        rows.add(values);
      }
      return new MaterializedRows(columns, rows);
    }
  }

  @Override
  public List<ColumnMeta> columns() {
    return columns;
  }

  int size() {
    return rows.size();
  }

  @Override
  public boolean next() {
    if (position <= rows.size()) {
      position++;
    }
    return onRow();
  }

  boolean previous() {
    if (position > 0) {
      position--;
    }
    return onRow();
  }

  /** JDBC {@code absolute}: from 1 forwards, from -1 backwards; 0 is before the first row. */
  boolean absolute(int row) {
    if (row >= 0) {
      position = Math.min(row, rows.size() + 1);
    } else {
      position = Math.max(rows.size() + 1 + row, 0);
    }
    return onRow();
  }

  boolean relative(int delta) {
    long target = (long) position + delta;
    position = (int) Math.max(0, Math.min(target, rows.size() + 1L));
    return onRow();
  }

  void beforeFirst() {
    position = 0;
  }

  void afterLast() {
    position = rows.size() + 1;
  }

  /** Replaces the values of the current row (read back after an update). */
  void replace(Object[] values) {
    System.arraycopy(values, 0, rows.get(position - 1), 0, values.length);
  }

  @Override
  public Object get(int column) {
    return rows.get(position - 1)[column - 1];
  }

  @Override
  public boolean onRow() {
    return position >= 1 && position <= rows.size();
  }

  @Override
  public int row() {
    return onRow() ? position : 0;
  }

  @Override
  public boolean isBeforeFirst() {
    return position == 0 && !rows.isEmpty();
  }

  @Override
  public boolean isAfterLast() {
    return position > rows.size() && !rows.isEmpty();
  }

  @Override
  public boolean isFirst() {
    return position == 1 && !rows.isEmpty();
  }

  @Override
  public boolean isLast() {
    return position == rows.size() && !rows.isEmpty();
  }

  @Override
  public void close() {
    position = rows.size() + 1;
  }
}
