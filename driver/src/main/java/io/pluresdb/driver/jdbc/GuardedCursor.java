package io.pluresdb.driver.jdbc;

import io.pluresdb.engine.api.Cursor;
import io.pluresdb.sql.read.ColumnMeta;
import java.sql.SQLException;
import java.util.List;
import java.util.function.Supplier;

/**
 * A cursor whose failures (SQLite's, when it steps a statement) pass through {@link Boundary}.
 *
 * <p>Not thread-safe, as the cursor it wraps.
 */
final class GuardedCursor implements Cursor {
  private final Cursor cursor;
  private final Supplier<String> what;

  GuardedCursor(Cursor cursor, Supplier<String> what) {
    this.cursor = cursor;
    this.what = what;
  }

  static Cursor of(Cursor cursor, Supplier<String> what) {
    return cursor == null || cursor instanceof GuardedCursor
        ? cursor
        : new GuardedCursor(cursor, what);
  }

  @Override
  public List<ColumnMeta> columns() {
    return cursor.columns();
  }

  @Override
  public boolean next() throws SQLException {
    return Boundary.guard(what, cursor::next);
  }

  @Override
  public Object get(int column) throws SQLException {
    return Boundary.guard(what, () -> cursor.get(column));
  }

  @Override
  public boolean unbounded() {
    return cursor.unbounded();
  }

  @Override
  public void cancel() {
    cursor.cancel();
  }

  @Override
  public void close() throws SQLException {
    Boundary.guard(what, cursor::close);
  }
}
