package io.pluresdb.driver.jdbc;

import io.pluresdb.crdt.error.Errors;
import io.pluresdb.crdt.error.SqlState;
import io.pluresdb.crdt.schema.ColumnType;
import io.pluresdb.crdt.value.ValueCodec;
import io.pluresdb.driver.value.LegacyDates;
import io.pluresdb.driver.value.ParameterValues;
import io.pluresdb.driver.value.TypeFacts;
import io.pluresdb.engine.api.Planned;
import java.io.InputStream;
import java.io.Reader;
import java.math.BigDecimal;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.Blob;
import java.sql.Clob;
import java.sql.Date;
import java.sql.NClob;
import java.sql.ParameterMetaData;
import java.sql.PreparedStatement;
import java.sql.Ref;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.RowId;
import java.sql.SQLException;
import java.sql.SQLType;
import java.sql.SQLXML;
import java.sql.Time;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Calendar;
import java.util.List;

/**
 * The PluresDB {@link PreparedStatement}: planned once at creation (through the planner's cache),
 * executed with the bound values and the plan its {@link Planned} handle carries, so an execution
 * does not go back to the text (the session plans again only after a schema change). Setters store
 * canonical values where the Java type says which one is meant; the planner coerces them to the
 * parameter's type. Long only because of the interface's many setters, each one line over {@link
 * ParameterValues} or {@link LegacyDates}.
 *
 * <p>Not thread-safe, like {@link StatementImpl}.
 */
public final class PreparedStatementImpl extends StatementImpl implements PreparedStatement {
  private static final Object UNSET = new Object();

  private final Planned prepared;
  private final List<String> keyColumns;
  private final Object[] params;
  private final List<List<Object>> batch = new ArrayList<>();

  PreparedStatementImpl(
      ConnectionImpl connection, String sql, int resultSetType, List<String> keyColumns)
      throws SQLException {
    super(connection, resultSetType);
    this.prepared = prepare(sql);
    this.keyColumns = keyColumns;
    this.params = new Object[prepared.parameterTypes().size()];
    Arrays.fill(params, UNSET);
  }

  private List<Object> boundParams() throws SQLException {
    for (int i = 0; i < params.length; i++) {
      if (params[i] == UNSET) {
        throw Errors.of(
            SqlState.INVALID_PARAMETER_VALUE,
            "no value bound to parameter " + (i + 1) + " of " + abbreviate(prepared.sql()));
      }
    }
    return Arrays.asList(params.clone());
  }

  private void bind(int index, Object canonical) throws SQLException {
    checkOpen();
    if (index < 1 || index > params.length) {
      throw Errors.of(
          SqlState.INVALID_PARAMETER_NUMBER,
          "parameter index "
              + index
              + " is out of range 1.."
              + params.length
              + " for "
              + abbreviate(prepared.sql()));
    }
    params[index - 1] = canonical;
  }

  private static String what(int index) {
    return "parameter " + index;
  }

  // ---- execution

  @Override
  public ResultSet executeQuery() throws SQLException {
    checkOpen();
    if (!prepared.returnsRows()) {
      throw notAQuery("executeQuery", prepared.sql());
    }
    run(prepared, boundParams(), null);
    return getResultSet();
  }

  @Override
  public int executeUpdate() throws SQLException {
    return saturate(executeLargeUpdate());
  }

  @Override
  public long executeLargeUpdate() throws SQLException {
    checkOpen();
    if (prepared.returnsRows()) {
      throw aQuery("executeUpdate", prepared.sql());
    }
    run(prepared, boundParams(), keyColumns);
    return getLargeUpdateCount();
  }

  @Override
  public boolean execute() throws SQLException {
    checkOpen();
    return run(prepared, boundParams(), keyColumns);
  }

  @Override
  public void addBatch() throws SQLException {
    checkOpen();
    batch.add(boundParams()); // a copy of the parameters, so later setters do not change it
  }

  @Override
  public void clearBatch() throws SQLException {
    checkOpen();
    batch.clear();
  }

  @Override
  public long[] executeLargeBatch() throws SQLException {
    checkOpen();
    List<List<Object>> rows = new ArrayList<>(batch);
    batch.clear();
    if (!rows.isEmpty() && prepared.returnsRows()) {
      throw batchFailure(0, new long[0], aQuery("executeBatch", prepared.sql()));
    }
    resetGeneratedKeys();
    if (rows.isEmpty()) {
      return new long[0];
    }
    return runBatch(prepared, rows, keyColumns).counts();
  }

  @Override
  public int[] executeBatch() throws SQLException {
    return toInts(executeLargeBatch());
  }

  /** Statement methods taking SQL text must not be called on a PreparedStatement (JDBC 4.3). */
  private static SQLException textOnPrepared(String method) {
    return Errors.of(
        SqlState.FUNCTION_SEQUENCE_ERROR,
        "PreparedStatement." + method + "(String) is not allowed; call " + method + "()");
  }

  @Override
  public ResultSet executeQuery(String sql) throws SQLException {
    throw textOnPrepared("executeQuery");
  }

  @Override
  public int executeUpdate(String sql) throws SQLException {
    throw textOnPrepared("executeUpdate");
  }

  @Override
  public long executeLargeUpdate(String sql) throws SQLException {
    throw textOnPrepared("executeLargeUpdate");
  }

  @Override
  public boolean execute(String sql) throws SQLException {
    throw textOnPrepared("execute");
  }

  @Override
  public void addBatch(String sql) throws SQLException {
    throw textOnPrepared("addBatch");
  }

  // ---- metadata

  @Override
  public ResultSetMetaData getMetaData() throws SQLException {
    checkOpen();
    return prepared.returnsRows() ? new ResultSetMetaDataImpl(prepared.columns()) : null;
  }

  @Override
  public ParameterMetaData getParameterMetaData() throws SQLException {
    checkOpen();
    return new ParameterMetaDataImpl(prepared.parameterTypes());
  }

  @Override
  public void clearParameters() throws SQLException {
    checkOpen();
    Arrays.fill(params, UNSET);
  }

  // ---- setters

  @Override
  public void setNull(int i, int sqlType) throws SQLException {
    bind(i, null);
  }

  @Override
  public void setNull(int i, int sqlType, String typeName) throws SQLException {
    bind(i, null);
  }

  @Override
  public void setBoolean(int i, boolean x) throws SQLException {
    bind(i, x);
  }

  @Override
  public void setByte(int i, byte x) throws SQLException {
    bind(i, (long) x);
  }

  @Override
  public void setShort(int i, short x) throws SQLException {
    bind(i, (long) x);
  }

  @Override
  public void setInt(int i, int x) throws SQLException {
    bind(i, (long) x);
  }

  @Override
  public void setLong(int i, long x) throws SQLException {
    bind(i, x);
  }

  @Override
  public void setFloat(int i, float x) throws SQLException {
    bind(i, (double) x);
  }

  @Override
  public void setDouble(int i, double x) throws SQLException {
    bind(i, x);
  }

  @Override
  public void setBigDecimal(int i, BigDecimal x) throws SQLException {
    bind(i, x);
  }

  @Override
  public void setString(int i, String x) throws SQLException {
    bind(i, x);
  }

  @Override
  public void setNString(int i, String x) throws SQLException {
    bind(i, x);
  }

  @Override
  public void setBytes(int i, byte[] x) throws SQLException {
    bind(i, x == null ? null : x.clone());
  }

  @Override
  public void setDate(int i, Date x) throws SQLException {
    setDate(i, x, null);
  }

  @Override
  public void setDate(int i, Date x, Calendar cal) throws SQLException {
    bind(i, x == null ? null : LegacyDates.fromSqlDate(x, cal));
  }

  @Override
  public void setTime(int i, Time x) throws SQLException {
    setTime(i, x, null);
  }

  @Override
  public void setTime(int i, Time x, Calendar cal) throws SQLException {
    bind(i, x == null ? null : LegacyDates.fromSqlTime(x, cal));
  }

  @Override
  public void setTimestamp(int i, Timestamp x) throws SQLException {
    setTimestamp(i, x, null);
  }

  @Override
  public void setTimestamp(int i, Timestamp x, Calendar cal) throws SQLException {
    bind(i, x == null ? null : LegacyDates.fromSqlTimestamp(x, cal));
  }

  @Override
  public void setObject(int i, Object x) throws SQLException {
    bind(i, ParameterValues.normalize(x, what(i)));
  }

  @Override
  public void setObject(int i, Object x, int targetSqlType) throws SQLException {
    ColumnType type = TypeFacts.forJdbcType(targetSqlType);
    if (type == null) {
      if (targetSqlType == java.sql.Types.NULL) {
        bind(i, null);
        return;
      }
      if (targetSqlType == java.sql.Types.OTHER || targetSqlType == java.sql.Types.JAVA_OBJECT) {
        setObject(i, x);
        return;
      }
      throw Errors.unsupported("PreparedStatement.setObject with java.sql.Types " + targetSqlType);
    }
    // JDBC's conversion to a target type is a cast (fractions truncate), not an assignment
    bind(i, ValueCodec.of(type).cast(ParameterValues.normalize(x, what(i)), what(i)));
  }

  @Override
  public void setObject(int i, Object x, int targetSqlType, int scaleOrLength) throws SQLException {
    setObject(i, x, targetSqlType);
    if (params[i - 1] instanceof BigDecimal d
        && scaleOrLength >= 0
        && (targetSqlType == java.sql.Types.DECIMAL || targetSqlType == java.sql.Types.NUMERIC)) {
      params[i - 1] = d.setScale(scaleOrLength, java.math.RoundingMode.HALF_UP);
    }
  }

  @Override
  public void setObject(int i, Object x, SQLType targetSqlType) throws SQLException {
    setObject(i, x, vendorTypeNumber(targetSqlType));
  }

  @Override
  public void setObject(int i, Object x, SQLType targetSqlType, int scaleOrLength)
      throws SQLException {
    setObject(i, x, vendorTypeNumber(targetSqlType), scaleOrLength);
  }

  private static int vendorTypeNumber(SQLType type) throws SQLException {
    if (type == null || type.getVendorTypeNumber() == null) {
      throw Errors.unsupported("PreparedStatement.setObject with SQLType " + type);
    }
    return type.getVendorTypeNumber();
  }

  @Override
  public void setAsciiStream(int i, InputStream x, int length) throws SQLException {
    setAsciiStream(i, x, (long) length);
  }

  @Override
  public void setAsciiStream(int i, InputStream x, long length) throws SQLException {
    bind(
        i,
        x == null
            ? null
            : new String(ParameterValues.readAll(x, length, what(i)), StandardCharsets.US_ASCII));
  }

  @Override
  public void setAsciiStream(int i, InputStream x) throws SQLException {
    setAsciiStream(i, x, -1L);
  }

  @Override
  @Deprecated
  public void setUnicodeStream(int i, InputStream x, int length) throws SQLException {
    throw Errors.unsupported(
        "PreparedStatement.setUnicodeStream (deprecated; use" + " setCharacterStream)");
  }

  @Override
  public void setBinaryStream(int i, InputStream x, int length) throws SQLException {
    setBinaryStream(i, x, (long) length);
  }

  @Override
  public void setBinaryStream(int i, InputStream x, long length) throws SQLException {
    bind(i, x == null ? null : ParameterValues.readAll(x, length, what(i)));
  }

  @Override
  public void setBinaryStream(int i, InputStream x) throws SQLException {
    setBinaryStream(i, x, -1L);
  }

  @Override
  public void setCharacterStream(int i, Reader x, int length) throws SQLException {
    setCharacterStream(i, x, (long) length);
  }

  @Override
  public void setCharacterStream(int i, Reader x, long length) throws SQLException {
    bind(i, x == null ? null : ParameterValues.readAll(x, length, what(i)));
  }

  @Override
  public void setCharacterStream(int i, Reader x) throws SQLException {
    setCharacterStream(i, x, -1L);
  }

  @Override
  public void setNCharacterStream(int i, Reader x, long length) throws SQLException {
    setCharacterStream(i, x, length);
  }

  @Override
  public void setNCharacterStream(int i, Reader x) throws SQLException {
    setCharacterStream(i, x, -1L);
  }

  @Override
  public void setBlob(int i, Blob x) throws SQLException {
    bind(i, ParameterValues.normalize(x, what(i)));
  }

  @Override
  public void setBlob(int i, InputStream x, long length) throws SQLException {
    setBinaryStream(i, x, length);
  }

  @Override
  public void setBlob(int i, InputStream x) throws SQLException {
    setBinaryStream(i, x, -1L);
  }

  @Override
  public void setClob(int i, Clob x) throws SQLException {
    bind(i, ParameterValues.normalize(x, what(i)));
  }

  @Override
  public void setClob(int i, Reader x, long length) throws SQLException {
    setCharacterStream(i, x, length);
  }

  @Override
  public void setClob(int i, Reader x) throws SQLException {
    setCharacterStream(i, x, -1L);
  }

  @Override
  public void setNClob(int i, NClob x) throws SQLException {
    bind(i, ParameterValues.normalize(x, what(i)));
  }

  @Override
  public void setNClob(int i, Reader x, long length) throws SQLException {
    setCharacterStream(i, x, length);
  }

  @Override
  public void setNClob(int i, Reader x) throws SQLException {
    setCharacterStream(i, x, -1L);
  }

  @Override
  public void setRef(int i, Ref x) throws SQLException {
    throw Errors.unsupported("PreparedStatement.setRef");
  }

  @Override
  public void setArray(int i, Array x) throws SQLException {
    throw Errors.unsupported("PreparedStatement.setArray");
  }

  @Override
  public void setURL(int i, URL x) throws SQLException {
    bind(i, x == null ? null : x.toString());
  }

  @Override
  public void setRowId(int i, RowId x) throws SQLException {
    throw Errors.unsupported("PreparedStatement.setRowId");
  }

  @Override
  public void setSQLXML(int i, SQLXML x) throws SQLException {
    throw Errors.unsupported("PreparedStatement.setSQLXML");
  }
}
