package io.pluresdb.driver.jdbc;

import io.pluresdb.engine.api.Cursor;
import io.pluresdb.sql.read.ColumnMeta;
import java.sql.SQLException;
import java.util.List;

/**
 * Forward-only rows read from a planner cursor as the user advances. Each row is copied out of the
 * cursor so that {@link #isLast} can look one row ahead without losing the current one.
 *
 * <p>Not thread-safe: owned by one result set.
 */
final class StreamingRows implements RowSource {
  private final Cursor cursor;
  private final List<ColumnMeta> columns;
  private final long maxRows;
  private Object[] current;
  private Object[] ahead; // the next row when isLast() has already looked
  private boolean aheadRead;
  private int row;
  private boolean done;

  /**
   * @param maxRows 0 for no limit
   */
  StreamingRows(Cursor cursor, long maxRows) {
    this.cursor = cursor;
    this.columns = List.copyOf(cursor.columns());
    this.maxRows = maxRows;
  }

  @Override
  public List<ColumnMeta> columns() {
    return columns;
  }

  @Override
  public boolean next() throws SQLException {
    if (done) {
      return false;
    }
    Object[] next = aheadRead ? ahead : read();
    aheadRead = false;
    ahead = null;
    if (next == null) {
      done = true;
      current = null;
      cursor.close(); // release the SQLite statement as soon as the rows are exhausted
      return false;
    }
    current = next;
    row++;
    return true;
  }

  private Object[] read() throws SQLException {
    if (maxRows > 0 && row >= maxRows) {
      return null;
    }
    if (!cursor.next()) {
      return null;
    }
    Object[] values = new Object[columns.size()];
    for (int i = 0; i < values.length; i++) {
      values[i] = cursor.get(i + 1);
    }
    return values;
  }

  @Override
  public Object get(int column) {
    return current[column - 1];
  }

  @Override
  public boolean onRow() {
    return current != null;
  }

  @Override
  public int row() {
    return current == null ? 0 : row;
  }

  @Override
  public boolean isBeforeFirst() throws SQLException {
    if (row > 0 || done) {
      return false;
    }
    lookAhead();
    return ahead != null;
  }

  @Override
  public boolean isAfterLast() {
    return done && row > 0;
  }

  @Override
  public boolean isFirst() {
    return current != null && row == 1;
  }

  @Override
  public boolean isLast() throws SQLException {
    if (current == null) {
      return false;
    }
    lookAhead();
    return ahead == null;
  }

  private void lookAhead() throws SQLException {
    if (!aheadRead) {
      ahead = read();
      aheadRead = true;
    }
  }

  @Override
  public void close() throws SQLException {
    done = true;
    current = null;
    cursor.close();
  }
}
