package io.pluresdb.engine.session;

import io.pluresdb.engine.api.Cursor;
import io.pluresdb.sql.read.ColumnMeta;
import java.sql.SQLException;
import java.util.List;

/**
 * A cursor that stops after {@code maxRows} rows ({@code Statement.setMaxRows}) of another.
 *
 * <p>Not thread-safe, like the cursor it wraps.
 */
final class LimitedCursor implements Cursor {
  private final Cursor rows;
  private final long maxRows;
  private long read;

  LimitedCursor(Cursor rows, long maxRows) {
    this.rows = rows;
    this.maxRows = maxRows;
  }

  @Override
  public List<ColumnMeta> columns() {
    return rows.columns();
  }

  @Override
  public boolean next() throws SQLException {
    if (read >= maxRows) {
      return false;
    }
    boolean more = rows.next();
    if (more) {
      read++;
    }
    return more;
  }

  @Override
  public Object get(int column) throws SQLException {
    return rows.get(column);
  }

  @Override
  public void close() throws SQLException {
    rows.close();
  }
}
