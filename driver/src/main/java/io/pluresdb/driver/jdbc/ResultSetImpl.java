package io.pluresdb.driver.jdbc;

import io.pluresdb.crdt.error.Errors;
import io.pluresdb.crdt.error.SqlState;
import io.pluresdb.crdt.value.ValueCodec;
import io.pluresdb.driver.lob.MemoryBlob;
import io.pluresdb.driver.lob.MemoryClob;
import io.pluresdb.driver.value.JdbcObjects;
import io.pluresdb.driver.value.LegacyDates;
import io.pluresdb.sql.read.ColumnMeta;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.Blob;
import java.sql.Clob;
import java.sql.Date;
import java.sql.NClob;
import java.sql.Ref;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.RowId;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.SQLXML;
import java.sql.Statement;
import java.sql.Time;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Calendar;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The PluresDB {@link ResultSet}: a read-only view over a {@link RowSource} whose values are
 * canonical; every getter is a thin call into the column type's {@link ValueCodec}. Long only as
 * delegation: the JDBC interface has that many getters.
 *
 * <p>Not thread-safe: used by the thread that owns the statement; {@link #close} is idempotent.
 */
public final class ResultSetImpl extends ResultSetUpdates implements SelfWrapper {
  private final StatementImpl statement; // null for metadata answers
  private final RowSource rows;
  private final int type;
  private final Map<String, Integer> labels = new HashMap<>();
  private final Lifecycle lifecycle =
      new Lifecycle(SqlState.OBJECT_NOT_IN_PREREQUISITE_STATE, "result set");
  private boolean wasNull;
  private int fetchSize;
  private int fetchDirection = FETCH_FORWARD;
  private SQLWarning warnings;
  private final RowEditor editor; // null unless CONCUR_UPDATABLE

  ResultSetImpl(StatementImpl statement, RowSource rows, int type) {
    this(statement, rows, type, null);
  }

  ResultSetImpl(StatementImpl statement, RowSource rows, int type, RowEditor editor) {
    this.statement = statement;
    this.rows = rows;
    this.type = type;
    this.editor = editor;
    List<ColumnMeta> columns = rows.columns();
    for (int i = columns.size() - 1; i >= 0; i--) { // the first of equal labels wins
      labels.put(columns.get(i).label().toLowerCase(Locale.ROOT), i + 1);
    }
  }

  /** A scroll-insensitive result set over in-memory rows, such as a metadata answer. */
  public static ResultSet of(List<ColumnMeta> columns, List<Object[]> rows) {
    return new ResultSetImpl(null, new MaterializedRows(columns, rows), TYPE_SCROLL_INSENSITIVE);
  }

  @Override
  void checkOpen() throws SQLException {
    lifecycle.checkOpen();
  }

  @Override
  RowEditor editorOrNull() {
    return editor;
  }

  /** The result set moves: an updatable one drops unsent changes and leaves the insert row. */
  private <T> T moved(T result) {
    if (editor != null) {
      editor.moved();
    }
    return result;
  }

  private Object value(int column) throws SQLException {
    checkOpen();
    if (column < 1 || column > rows.columns().size()) {
      throw Errors.of(
          SqlState.INVALID_DESCRIPTOR_INDEX,
          "column index " + column + " is out of range 1.." + rows.columns().size());
    }
    if (editor != null && editor.onInsertRow()) {
      Object v = editor.insertValue(column);
      wasNull = v == null;
      return v;
    }
    if (!rows.onRow()) {
      throw Errors.of(
          SqlState.INVALID_CURSOR_STATE,
          "the result set is not positioned on a row (call next() first)");
    }
    Object v = rows.get(column);
    wasNull = v == null;
    return v;
  }

  private String what(int column) {
    return "column '" + rows.columns().get(column - 1).label() + "'";
  }

  private MaterializedRows scrollable(String method) throws SQLException {
    checkOpen();
    if (rows instanceof MaterializedRows m && (editor == null || type != TYPE_FORWARD_ONLY)) {
      return moved(m);
    }
    throw Errors.of(
        SqlState.INVALID_CURSOR_STATE,
        "ResultSet." + method + " needs a scrollable result set; this one is TYPE_FORWARD_ONLY");
  }

  // ---- navigation

  @Override
  public boolean next() throws SQLException {
    checkOpen();
    return moved(rows).next();
  }

  @Override
  public boolean previous() throws SQLException {
    return scrollable("previous").previous();
  }

  @Override
  public boolean first() throws SQLException {
    return scrollable("first").absolute(1);
  }

  @Override
  public boolean last() throws SQLException {
    return scrollable("last").absolute(-1);
  }

  @Override
  public boolean absolute(int row) throws SQLException {
    return scrollable("absolute").absolute(row);
  }

  @Override
  public boolean relative(int delta) throws SQLException {
    return scrollable("relative").relative(delta);
  }

  @Override
  public void beforeFirst() throws SQLException {
    scrollable("beforeFirst").beforeFirst();
  }

  @Override
  public void afterLast() throws SQLException {
    scrollable("afterLast").afterLast();
  }

  @Override
  public boolean isBeforeFirst() throws SQLException {
    checkOpen();
    return rows.isBeforeFirst();
  }

  @Override
  public boolean isAfterLast() throws SQLException {
    checkOpen();
    return rows.isAfterLast();
  }

  @Override
  public boolean isFirst() throws SQLException {
    checkOpen();
    return rows.isFirst();
  }

  @Override
  public boolean isLast() throws SQLException {
    checkOpen();
    return rows.isLast();
  }

  @Override
  public int getRow() throws SQLException {
    checkOpen();
    return rows.row();
  }

  // ---- state

  @Override
  public void close() throws SQLException {
    if (!lifecycle.close()) {
      return;
    }
    rows.close();
    if (statement != null) {
      statement.resultSetClosed(this);
    }
  }

  /** Closed by its statement moving on to another result: no completion callback. */
  void closeQuietlyFromStatement() throws SQLException {
    if (lifecycle.close()) {
      rows.close();
    }
  }

  @Override
  public boolean isClosed() {
    return lifecycle.isClosed();
  }

  @Override
  public boolean wasNull() throws SQLException {
    checkOpen();
    return wasNull;
  }

  @Override
  public SQLWarning getWarnings() throws SQLException {
    checkOpen();
    return warnings;
  }

  @Override
  public void clearWarnings() throws SQLException {
    checkOpen();
    warnings = null;
  }

  @Override
  public String getCursorName() throws SQLException {
    throw Errors.unsupported("ResultSet.getCursorName");
  }

  @Override
  public ResultSetMetaData getMetaData() throws SQLException {
    checkOpen();
    return new ResultSetMetaDataImpl(rows.columns());
  }

  @Override
  public int findColumn(String label) throws SQLException {
    checkOpen();
    Integer i = label == null ? null : labels.get(label.toLowerCase(Locale.ROOT));
    if (i == null) {
      throw Errors.of(
          SqlState.UNDEFINED_COLUMN,
          "column '" + label + "' is not in the result set; columns are " + labelList());
    }
    return i;
  }

  private String labelList() {
    StringBuilder b = new StringBuilder();
    for (ColumnMeta c : rows.columns()) {
      b.append(b.length() == 0 ? "" : ", ").append(c.label());
    }
    return b.toString();
  }

  @Override
  public int getType() throws SQLException {
    checkOpen();
    return type;
  }

  @Override
  public int getConcurrency() throws SQLException {
    checkOpen();
    return editor != null ? CONCUR_UPDATABLE : CONCUR_READ_ONLY;
  }

  @Override
  public int getHoldability() throws SQLException {
    checkOpen();
    return HOLD_CURSORS_OVER_COMMIT;
  }

  @Override
  public void setFetchDirection(int direction) throws SQLException {
    checkOpen();
    if (direction != FETCH_FORWARD && type == TYPE_FORWARD_ONLY) {
      throw Errors.of(
          SqlState.INVALID_CURSOR_STATE,
          "fetch direction " + direction + " needs a scrollable result set");
    }
    if (direction != FETCH_FORWARD && direction != FETCH_REVERSE && direction != FETCH_UNKNOWN) {
      throw Errors.of(SqlState.INVALID_ATTRIBUTE_VALUE, "invalid fetch direction " + direction);
    }
    fetchDirection = direction;
  }

  @Override
  public int getFetchDirection() throws SQLException {
    checkOpen();
    return fetchDirection;
  }

  @Override
  public void setFetchSize(int rows) throws SQLException {
    checkOpen();
    if (rows < 0) {
      throw Errors.of(SqlState.INVALID_ATTRIBUTE_VALUE, "fetch size " + rows + " is negative");
    }
    fetchSize = rows; // a hint only: rows stream from SQLite one by one anyway
  }

  @Override
  public int getFetchSize() throws SQLException {
    checkOpen();
    return fetchSize;
  }

  @Override
  public Statement getStatement() throws SQLException {
    checkOpen();
    return statement;
  }

  // ---- getters by index

  @Override
  public String getString(int i) throws SQLException {
    return ValueCodec.textOf(value(i));
  }

  @Override
  public boolean getBoolean(int i) throws SQLException {
    Object v = value(i);
    return v != null && ValueCodec.read(v, boolean.class, what(i));
  }

  @Override
  public byte getByte(int i) throws SQLException {
    Object v = value(i);
    return v == null ? 0 : ValueCodec.read(v, byte.class, what(i));
  }

  @Override
  public short getShort(int i) throws SQLException {
    Object v = value(i);
    return v == null ? 0 : ValueCodec.read(v, short.class, what(i));
  }

  @Override
  public int getInt(int i) throws SQLException {
    Object v = value(i);
    return v == null ? 0 : ValueCodec.read(v, int.class, what(i));
  }

  @Override
  public long getLong(int i) throws SQLException {
    Object v = value(i);
    return v == null ? 0 : ValueCodec.read(v, long.class, what(i));
  }

  @Override
  public float getFloat(int i) throws SQLException {
    Object v = value(i);
    return v == null ? 0 : ValueCodec.read(v, float.class, what(i));
  }

  @Override
  public double getDouble(int i) throws SQLException {
    Object v = value(i);
    return v == null ? 0 : ValueCodec.read(v, double.class, what(i));
  }

  @Override
  public BigDecimal getBigDecimal(int i) throws SQLException {
    Object v = value(i);
    return ValueCodec.read(v, BigDecimal.class, what(i));
  }

  @Override
  @Deprecated
  public BigDecimal getBigDecimal(int i, int scale) throws SQLException {
    BigDecimal d = getBigDecimal(i);
    return d == null ? null : d.setScale(scale, RoundingMode.HALF_UP);
  }

  @Override
  public byte[] getBytes(int i) throws SQLException {
    Object v = value(i);
    return ValueCodec.read(v, byte[].class, what(i));
  }

  @Override
  public Date getDate(int i) throws SQLException {
    return getDate(i, (Calendar) null);
  }

  @Override
  public Date getDate(int i, Calendar cal) throws SQLException {
    Object v = value(i);
    return v == null
        ? null
        : LegacyDates.toSqlDate(ValueCodec.read(v, LocalDate.class, what(i)), cal);
  }

  @Override
  public Time getTime(int i) throws SQLException {
    return getTime(i, (Calendar) null);
  }

  @Override
  public Time getTime(int i, Calendar cal) throws SQLException {
    Object v = value(i);
    return v == null
        ? null
        : LegacyDates.toSqlTime(ValueCodec.read(v, LocalTime.class, what(i)), cal);
  }

  @Override
  public Timestamp getTimestamp(int i) throws SQLException {
    return getTimestamp(i, (Calendar) null);
  }

  @Override
  public Timestamp getTimestamp(int i, Calendar cal) throws SQLException {
    Object v = value(i);
    if (v == null) {
      return null;
    }
    if (v instanceof java.time.OffsetDateTime t) { // an instant: no calendar needed
      return Timestamp.from(t.toInstant());
    }
    return LegacyDates.toSqlTimestamp(ValueCodec.read(v, LocalDateTime.class, what(i)), cal);
  }

  @Override
  public InputStream getAsciiStream(int i) throws SQLException {
    String s = getString(i);
    return s == null ? null : new ByteArrayInputStream(s.getBytes(StandardCharsets.US_ASCII));
  }

  @Override
  @Deprecated
  public InputStream getUnicodeStream(int i) throws SQLException {
    throw Errors.unsupported("ResultSet.getUnicodeStream (deprecated; use getCharacterStream)");
  }

  @Override
  public InputStream getBinaryStream(int i) throws SQLException {
    byte[] b = getBytes(i);
    return b == null ? null : new ByteArrayInputStream(b);
  }

  @Override
  public Reader getCharacterStream(int i) throws SQLException {
    String s = getString(i);
    return s == null ? null : new StringReader(s);
  }

  @Override
  public Reader getNCharacterStream(int i) throws SQLException {
    return getCharacterStream(i);
  }

  @Override
  public String getNString(int i) throws SQLException {
    return getString(i);
  }

  @Override
  public Object getObject(int i) throws SQLException {
    return JdbcObjects.of(value(i), rows.columns().get(i - 1).type());
  }

  @Override
  public Object getObject(int i, Map<String, Class<?>> map) throws SQLException {
    if (map != null && !map.isEmpty()) {
      throw Errors.unsupported("ResultSet.getObject with a type map (PluresDB has no UDTs)");
    }
    return getObject(i);
  }

  @Override
  public <T> T getObject(int i, Class<T> type) throws SQLException {
    if (type == null) {
      throw Errors.of(SqlState.INVALID_PARAMETER_VALUE, "getObject: the class is null");
    }
    return ValueCodec.read(value(i), type, what(i));
  }

  @Override
  public Blob getBlob(int i) throws SQLException {
    byte[] b = getBytes(i);
    return b == null ? null : new MemoryBlob(b);
  }

  @Override
  public Clob getClob(int i) throws SQLException {
    String s = getString(i);
    return s == null ? null : new MemoryClob(s);
  }

  @Override
  public NClob getNClob(int i) throws SQLException {
    String s = getString(i);
    return s == null ? null : new MemoryClob(s);
  }

  @Override
  public Ref getRef(int i) throws SQLException {
    throw Errors.unsupported("ResultSet.getRef");
  }

  @Override
  public Array getArray(int i) throws SQLException {
    throw Errors.unsupported("ResultSet.getArray");
  }

  @Override
  public URL getURL(int i) throws SQLException {
    throw Errors.unsupported("ResultSet.getURL");
  }

  @Override
  public RowId getRowId(int i) throws SQLException {
    throw Errors.unsupported("ResultSet.getRowId");
  }

  @Override
  public SQLXML getSQLXML(int i) throws SQLException {
    throw Errors.unsupported("ResultSet.getSQLXML");
  }

  // ---- getters by label

  @Override
  public String getString(String l) throws SQLException {
    return getString(findColumn(l));
  }

  @Override
  public boolean getBoolean(String l) throws SQLException {
    return getBoolean(findColumn(l));
  }

  @Override
  public byte getByte(String l) throws SQLException {
    return getByte(findColumn(l));
  }

  @Override
  public short getShort(String l) throws SQLException {
    return getShort(findColumn(l));
  }

  @Override
  public int getInt(String l) throws SQLException {
    return getInt(findColumn(l));
  }

  @Override
  public long getLong(String l) throws SQLException {
    return getLong(findColumn(l));
  }

  @Override
  public float getFloat(String l) throws SQLException {
    return getFloat(findColumn(l));
  }

  @Override
  public double getDouble(String l) throws SQLException {
    return getDouble(findColumn(l));
  }

  @Override
  public BigDecimal getBigDecimal(String l) throws SQLException {
    return getBigDecimal(findColumn(l));
  }

  @Override
  @Deprecated
  public BigDecimal getBigDecimal(String l, int scale) throws SQLException {
    BigDecimal d = getBigDecimal(findColumn(l));
    return d == null ? null : d.setScale(scale, RoundingMode.HALF_UP);
  }

  @Override
  public byte[] getBytes(String l) throws SQLException {
    return getBytes(findColumn(l));
  }

  @Override
  public Date getDate(String l) throws SQLException {
    return getDate(findColumn(l));
  }

  @Override
  public Date getDate(String l, Calendar cal) throws SQLException {
    return getDate(findColumn(l), cal);
  }

  @Override
  public Time getTime(String l) throws SQLException {
    return getTime(findColumn(l));
  }

  @Override
  public Time getTime(String l, Calendar cal) throws SQLException {
    return getTime(findColumn(l), cal);
  }

  @Override
  public Timestamp getTimestamp(String l) throws SQLException {
    return getTimestamp(findColumn(l));
  }

  @Override
  public Timestamp getTimestamp(String l, Calendar cal) throws SQLException {
    return getTimestamp(findColumn(l), cal);
  }

  @Override
  public InputStream getAsciiStream(String l) throws SQLException {
    return getAsciiStream(findColumn(l));
  }

  @Override
  @Deprecated
  public InputStream getUnicodeStream(String l) throws SQLException {
    findColumn(l); // an unknown column is reported as such, as by every other getter
    throw Errors.unsupported("ResultSet.getUnicodeStream (deprecated; use getCharacterStream)");
  }

  @Override
  public InputStream getBinaryStream(String l) throws SQLException {
    return getBinaryStream(findColumn(l));
  }

  @Override
  public Reader getCharacterStream(String l) throws SQLException {
    return getCharacterStream(findColumn(l));
  }

  @Override
  public Reader getNCharacterStream(String l) throws SQLException {
    return getNCharacterStream(findColumn(l));
  }

  @Override
  public String getNString(String l) throws SQLException {
    return getNString(findColumn(l));
  }

  @Override
  public Object getObject(String l) throws SQLException {
    return getObject(findColumn(l));
  }

  @Override
  public Object getObject(String l, Map<String, Class<?>> map) throws SQLException {
    return getObject(findColumn(l), map);
  }

  @Override
  public <T> T getObject(String l, Class<T> type) throws SQLException {
    return getObject(findColumn(l), type);
  }

  @Override
  public Blob getBlob(String l) throws SQLException {
    return getBlob(findColumn(l));
  }

  @Override
  public Clob getClob(String l) throws SQLException {
    return getClob(findColumn(l));
  }

  @Override
  public NClob getNClob(String l) throws SQLException {
    return getNClob(findColumn(l));
  }

  @Override
  public Ref getRef(String l) throws SQLException {
    return getRef(findColumn(l));
  }

  @Override
  public Array getArray(String l) throws SQLException {
    return getArray(findColumn(l));
  }

  @Override
  public URL getURL(String l) throws SQLException {
    return getURL(findColumn(l));
  }

  @Override
  public RowId getRowId(String l) throws SQLException {
    return getRowId(findColumn(l));
  }

  @Override
  public SQLXML getSQLXML(String l) throws SQLException {
    return getSQLXML(findColumn(l));
  }

  // ---- wrapper
}
