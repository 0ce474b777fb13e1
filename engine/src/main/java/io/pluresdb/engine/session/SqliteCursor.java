package io.pluresdb.engine.session;

import io.pluresdb.crdt.error.Errors;
import io.pluresdb.crdt.error.SqlState;
import io.pluresdb.crdt.schema.ColumnType;
import io.pluresdb.crdt.value.Values;
import io.pluresdb.engine.api.Cursor;
import io.pluresdb.sql.read.ColumnMeta;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/**
 * Streams the rows of a SQLite result set, each value converted to its column's canonical form.
 *
 * <p>Not thread-safe: used by the one statement that produced it. Closing it hands the SQLite
 * statement back to its session.
 */
final class SqliteCursor implements Cursor {
  /** Called once when the cursor closes. */
  interface OnClose {
    void closed() throws SQLException;
  }

  private final ResultSet rs;
  private final List<ColumnMeta> columns;
  private final ColumnType[] types;
  private final boolean[] exactScale;
  private final long maxRows;
  private final ErrorMapper errors;
  private final OnClose onClose;
  private long rowsRead;
  private boolean onRow;
  private boolean closed;

  SqliteCursor(
      ResultSet rs,
      List<ColumnMeta> columns,
      boolean[] exactScale,
      long maxRows,
      ErrorMapper errors,
      OnClose onClose) {
    this.rs = rs;
    this.columns = columns;
    this.exactScale = exactScale;
    this.types = columns.stream().map(ColumnMeta::type).toArray(ColumnType[]::new);
    this.maxRows = maxRows;
    this.errors = errors;
    this.onClose = onClose;
  }

  @Override
  public List<ColumnMeta> columns() {
    return columns;
  }

  @Override
  public boolean next() throws SQLException {
    if (closed) {
      throw Errors.of(SqlState.INVALID_CURSOR_STATE, "the cursor is closed");
    }
    if (maxRows > 0 && rowsRead >= maxRows) {
      onRow = false;
      close();
      return false;
    }
    try {
      onRow = rs.next();
    } catch (SQLException e) {
      SQLException mapped = errors.map(e);
      close();
      throw mapped;
    }
    if (!onRow) {
      close();
      return false;
    }
    rowsRead++;
    return true;
  }

  @Override
  public Object get(int column) throws SQLException {
    if (!onRow) {
      throw Errors.of(SqlState.INVALID_CURSOR_STATE, "the cursor is not on a row");
    }
    if (column < 1 || column > types.length) {
      throw Errors.of(
          SqlState.INVALID_DESCRIPTOR_INDEX,
          "column " + column + " is out of range 1.." + types.length);
    }
    try {
      if (columns.get(column - 1).dynamic()) {
        // SQLite typed this value itself (json_extract, iif): keep its storage class
        Object raw = rs.getObject(column);
        return raw instanceof Integer i ? Long.valueOf(i) : raw;
      }
      Object v = Values.read(rs, column, types[column - 1]);
      // SQLite keeps 12.50 as the number 12.5; the column's scale gives back the zeros. Only
      // ever widened: a value with more digits is not rounded here.
      int scale = columns.get(column - 1).scale();
      return exactScale[column - 1] && v instanceof BigDecimal d && d.scale() < scale
          ? d.setScale(scale)
          : v;
    } catch (RuntimeException e) {
      // A stored value that does not read as its column's type: report it, never leak it.
      throw Errors.of(
          SqlState.DATA_EXCEPTION,
          "column '"
              + columns.get(column - 1).label()
              + "' is "
              + types[column - 1]
              + " but its value cannot be read as one: "
              + e.getMessage(),
          e);
    }
  }

  @Override
  public void close() throws SQLException {
    if (closed) {
      return;
    }
    closed = true;
    try {
      rs.close();
    } finally {
      onClose.closed();
    }
  }
}
