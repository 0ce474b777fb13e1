package io.pluresdb.driver.jdbc;

import io.pluresdb.crdt.error.Errors;
import io.pluresdb.crdt.error.SqlState;
import io.pluresdb.driver.value.ParameterValues;
import java.io.InputStream;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.Blob;
import java.sql.Clob;
import java.sql.Date;
import java.sql.NClob;
import java.sql.Ref;
import java.sql.ResultSet;
import java.sql.RowId;
import java.sql.SQLException;
import java.sql.SQLType;
import java.sql.SQLXML;
import java.sql.Time;
import java.sql.Timestamp;

/**
 * The updating half of {@link ResultSet}: each {@code updateXxx} hands its value to the result
 * set's {@link RowEditor}, which a {@code CONCUR_UPDATABLE} result set over one table's rows has;
 * on a read-only result set they fail with 24000. Kept apart so that {@link ResultSetImpl} holds
 * only what reading needs; long only because the interface has ninety such methods.
 */
abstract class ResultSetUpdates implements ResultSet {

  abstract void checkOpen() throws SQLException;

  /** The editor of an updatable result set, else null. */
  abstract RowEditor editorOrNull();

  private RowEditor editor(String method) throws SQLException {
    checkOpen();
    RowEditor e = editorOrNull();
    if (e == null) {
      throw Errors.of(
          SqlState.INVALID_CURSOR_STATE,
          "ResultSet." + method + ": the result set is CONCUR_READ_ONLY");
    }
    return e;
  }

  private static SQLException unsupported(String method) {
    return Errors.unsupported("ResultSet." + method + " (PluresDB has no such column values)");
  }

  private static String ascii(InputStream in, long length) throws SQLException {
    return in == null
        ? null
        : new String(
            ParameterValues.readAll(in, length, "an ASCII stream"), StandardCharsets.US_ASCII);
  }

  private static byte[] bytes(InputStream in, long length) throws SQLException {
    return in == null ? null : ParameterValues.readAll(in, length, "a binary stream");
  }

  private static String chars(Reader in, long length) throws SQLException {
    return in == null ? null : ParameterValues.readAll(in, length, "a character stream");
  }

  @Override
  public void updateObject(int p0, Object p1, SQLType p2) throws SQLException {
    editor("updateObject").set(p0, p1);
  }

  @Override
  public void updateObject(int p0, Object p1, SQLType p2, int p3) throws SQLException {
    editor("updateObject").set(p0, p1);
  }

  @Override
  public void updateObject(String p0, Object p1, SQLType p2) throws SQLException {
    updateObject(findColumn(p0), p1, p2);
  }

  @Override
  public void updateObject(String p0, Object p1, SQLType p2, int p3) throws SQLException {
    updateObject(findColumn(p0), p1, p2, p3);
  }

  @Override
  public void cancelRowUpdates() throws SQLException {
    editor("cancelRowUpdates").cancel();
  }

  @Override
  public void deleteRow() throws SQLException {
    editor("deleteRow").deleteRow();
  }

  @Override
  public void insertRow() throws SQLException {
    editor("insertRow").insertRow();
  }

  @Override
  public void moveToCurrentRow() throws SQLException {
    editor("moveToCurrentRow").moveToCurrentRow();
  }

  @Override
  public void moveToInsertRow() throws SQLException {
    editor("moveToInsertRow").moveToInsertRow();
  }

  @Override
  public void refreshRow() throws SQLException {
    editor("refreshRow").refreshRow();
  }

  @Override
  public boolean rowDeleted() throws SQLException {
    checkOpen();
    RowEditor e = editorOrNull();
    return e != null && e.rowDeleted();
  }

  @Override
  public boolean rowInserted() throws SQLException {
    checkOpen();
    return false; // rows inserted are not added to the result set
  }

  @Override
  public boolean rowUpdated() throws SQLException {
    checkOpen();
    RowEditor e = editorOrNull();
    return e != null && e.rowUpdated();
  }

  @Override
  public void updateArray(String p0, Array p1) throws SQLException {
    throw unsupported("updateArray");
  }

  @Override
  public void updateArray(int p0, Array p1) throws SQLException {
    throw unsupported("updateArray");
  }

  @Override
  public void updateAsciiStream(String p0, InputStream p1) throws SQLException {
    updateAsciiStream(findColumn(p0), p1);
  }

  @Override
  public void updateAsciiStream(int p0, InputStream p1) throws SQLException {
    editor("updateAsciiStream").set(p0, ascii(p1, -1));
  }

  @Override
  public void updateAsciiStream(String p0, InputStream p1, int p2) throws SQLException {
    updateAsciiStream(findColumn(p0), p1, p2);
  }

  @Override
  public void updateAsciiStream(String p0, InputStream p1, long p2) throws SQLException {
    updateAsciiStream(findColumn(p0), p1, p2);
  }

  @Override
  public void updateAsciiStream(int p0, InputStream p1, int p2) throws SQLException {
    editor("updateAsciiStream").set(p0, ascii(p1, p2));
  }

  @Override
  public void updateAsciiStream(int p0, InputStream p1, long p2) throws SQLException {
    editor("updateAsciiStream").set(p0, ascii(p1, p2));
  }

  @Override
  public void updateBigDecimal(String p0, BigDecimal p1) throws SQLException {
    updateBigDecimal(findColumn(p0), p1);
  }

  @Override
  public void updateBigDecimal(int p0, BigDecimal p1) throws SQLException {
    editor("updateBigDecimal").set(p0, p1);
  }

  @Override
  public void updateBinaryStream(String p0, InputStream p1) throws SQLException {
    updateBinaryStream(findColumn(p0), p1);
  }

  @Override
  public void updateBinaryStream(int p0, InputStream p1) throws SQLException {
    editor("updateBinaryStream").set(p0, bytes(p1, -1));
  }

  @Override
  public void updateBinaryStream(String p0, InputStream p1, int p2) throws SQLException {
    updateBinaryStream(findColumn(p0), p1, p2);
  }

  @Override
  public void updateBinaryStream(String p0, InputStream p1, long p2) throws SQLException {
    updateBinaryStream(findColumn(p0), p1, p2);
  }

  @Override
  public void updateBinaryStream(int p0, InputStream p1, int p2) throws SQLException {
    editor("updateBinaryStream").set(p0, bytes(p1, p2));
  }

  @Override
  public void updateBinaryStream(int p0, InputStream p1, long p2) throws SQLException {
    editor("updateBinaryStream").set(p0, bytes(p1, p2));
  }

  @Override
  public void updateBlob(String p0, InputStream p1) throws SQLException {
    updateBlob(findColumn(p0), p1);
  }

  @Override
  public void updateBlob(String p0, Blob p1) throws SQLException {
    updateBlob(findColumn(p0), p1);
  }

  @Override
  public void updateBlob(int p0, InputStream p1) throws SQLException {
    editor("updateBlob").set(p0, bytes(p1, -1));
  }

  @Override
  public void updateBlob(int p0, Blob p1) throws SQLException {
    editor("updateBlob").set(p0, p1);
  }

  @Override
  public void updateBlob(String p0, InputStream p1, long p2) throws SQLException {
    updateBlob(findColumn(p0), p1, p2);
  }

  @Override
  public void updateBlob(int p0, InputStream p1, long p2) throws SQLException {
    editor("updateBlob").set(p0, bytes(p1, p2));
  }

  @Override
  public void updateBoolean(String p0, boolean p1) throws SQLException {
    updateBoolean(findColumn(p0), p1);
  }

  @Override
  public void updateBoolean(int p0, boolean p1) throws SQLException {
    editor("updateBoolean").set(p0, p1);
  }

  @Override
  public void updateByte(String p0, byte p1) throws SQLException {
    updateByte(findColumn(p0), p1);
  }

  @Override
  public void updateByte(int p0, byte p1) throws SQLException {
    editor("updateByte").set(p0, p1);
  }

  @Override
  public void updateBytes(String p0, byte[] p1) throws SQLException {
    updateBytes(findColumn(p0), p1);
  }

  @Override
  public void updateBytes(int p0, byte[] p1) throws SQLException {
    editor("updateBytes").set(p0, p1);
  }

  @Override
  public void updateCharacterStream(String p0, Reader p1) throws SQLException {
    updateCharacterStream(findColumn(p0), p1);
  }

  @Override
  public void updateCharacterStream(int p0, Reader p1) throws SQLException {
    editor("updateCharacterStream").set(p0, chars(p1, -1));
  }

  @Override
  public void updateCharacterStream(String p0, Reader p1, int p2) throws SQLException {
    updateCharacterStream(findColumn(p0), p1, p2);
  }

  @Override
  public void updateCharacterStream(String p0, Reader p1, long p2) throws SQLException {
    updateCharacterStream(findColumn(p0), p1, p2);
  }

  @Override
  public void updateCharacterStream(int p0, Reader p1, int p2) throws SQLException {
    editor("updateCharacterStream").set(p0, chars(p1, p2));
  }

  @Override
  public void updateCharacterStream(int p0, Reader p1, long p2) throws SQLException {
    editor("updateCharacterStream").set(p0, chars(p1, p2));
  }

  @Override
  public void updateClob(String p0, Reader p1) throws SQLException {
    updateClob(findColumn(p0), p1);
  }

  @Override
  public void updateClob(String p0, Clob p1) throws SQLException {
    updateClob(findColumn(p0), p1);
  }

  @Override
  public void updateClob(int p0, Reader p1) throws SQLException {
    editor("updateClob").set(p0, chars(p1, -1));
  }

  @Override
  public void updateClob(int p0, Clob p1) throws SQLException {
    editor("updateClob").set(p0, p1);
  }

  @Override
  public void updateClob(String p0, Reader p1, long p2) throws SQLException {
    updateClob(findColumn(p0), p1, p2);
  }

  @Override
  public void updateClob(int p0, Reader p1, long p2) throws SQLException {
    editor("updateClob").set(p0, chars(p1, p2));
  }

  @Override
  public void updateDate(String p0, Date p1) throws SQLException {
    updateDate(findColumn(p0), p1);
  }

  @Override
  public void updateDate(int p0, Date p1) throws SQLException {
    editor("updateDate").set(p0, p1);
  }

  @Override
  public void updateDouble(String p0, double p1) throws SQLException {
    updateDouble(findColumn(p0), p1);
  }

  @Override
  public void updateDouble(int p0, double p1) throws SQLException {
    editor("updateDouble").set(p0, p1);
  }

  @Override
  public void updateFloat(String p0, float p1) throws SQLException {
    updateFloat(findColumn(p0), p1);
  }

  @Override
  public void updateFloat(int p0, float p1) throws SQLException {
    editor("updateFloat").set(p0, p1);
  }

  @Override
  public void updateInt(String p0, int p1) throws SQLException {
    updateInt(findColumn(p0), p1);
  }

  @Override
  public void updateInt(int p0, int p1) throws SQLException {
    editor("updateInt").set(p0, p1);
  }

  @Override
  public void updateLong(String p0, long p1) throws SQLException {
    updateLong(findColumn(p0), p1);
  }

  @Override
  public void updateLong(int p0, long p1) throws SQLException {
    editor("updateLong").set(p0, p1);
  }

  @Override
  public void updateNCharacterStream(String p0, Reader p1) throws SQLException {
    updateNCharacterStream(findColumn(p0), p1);
  }

  @Override
  public void updateNCharacterStream(int p0, Reader p1) throws SQLException {
    editor("updateNCharacterStream").set(p0, chars(p1, -1));
  }

  @Override
  public void updateNCharacterStream(String p0, Reader p1, long p2) throws SQLException {
    updateNCharacterStream(findColumn(p0), p1, p2);
  }

  @Override
  public void updateNCharacterStream(int p0, Reader p1, long p2) throws SQLException {
    editor("updateNCharacterStream").set(p0, chars(p1, p2));
  }

  @Override
  public void updateNClob(String p0, Reader p1) throws SQLException {
    updateNClob(findColumn(p0), p1);
  }

  @Override
  public void updateNClob(String p0, NClob p1) throws SQLException {
    updateNClob(findColumn(p0), p1);
  }

  @Override
  public void updateNClob(int p0, Reader p1) throws SQLException {
    editor("updateNClob").set(p0, chars(p1, -1));
  }

  @Override
  public void updateNClob(int p0, NClob p1) throws SQLException {
    editor("updateNClob").set(p0, p1);
  }

  @Override
  public void updateNClob(String p0, Reader p1, long p2) throws SQLException {
    updateNClob(findColumn(p0), p1, p2);
  }

  @Override
  public void updateNClob(int p0, Reader p1, long p2) throws SQLException {
    editor("updateNClob").set(p0, chars(p1, p2));
  }

  @Override
  public void updateNString(String p0, String p1) throws SQLException {
    updateNString(findColumn(p0), p1);
  }

  @Override
  public void updateNString(int p0, String p1) throws SQLException {
    editor("updateNString").set(p0, p1);
  }

  @Override
  public void updateNull(String p0) throws SQLException {
    updateNull(findColumn(p0));
  }

  @Override
  public void updateNull(int p0) throws SQLException {
    editor("updateNull").set(p0, null);
  }

  @Override
  public void updateObject(String p0, Object p1) throws SQLException {
    updateObject(findColumn(p0), p1);
  }

  @Override
  public void updateObject(int p0, Object p1) throws SQLException {
    editor("updateObject").set(p0, p1);
  }

  @Override
  public void updateObject(String p0, Object p1, int p2) throws SQLException {
    updateObject(findColumn(p0), p1, p2);
  }

  @Override
  public void updateObject(int p0, Object p1, int p2) throws SQLException {
    editor("updateObject").set(p0, p1);
  }

  @Override
  public void updateRef(String p0, Ref p1) throws SQLException {
    throw unsupported("updateRef");
  }

  @Override
  public void updateRef(int p0, Ref p1) throws SQLException {
    throw unsupported("updateRef");
  }

  @Override
  public void updateRow() throws SQLException {
    editor("updateRow").updateRow();
  }

  @Override
  public void updateRowId(String p0, RowId p1) throws SQLException {
    throw unsupported("updateRowId");
  }

  @Override
  public void updateRowId(int p0, RowId p1) throws SQLException {
    throw unsupported("updateRowId");
  }

  @Override
  public void updateSQLXML(String p0, SQLXML p1) throws SQLException {
    throw unsupported("updateSQLXML");
  }

  @Override
  public void updateSQLXML(int p0, SQLXML p1) throws SQLException {
    throw unsupported("updateSQLXML");
  }

  @Override
  public void updateShort(String p0, short p1) throws SQLException {
    updateShort(findColumn(p0), p1);
  }

  @Override
  public void updateShort(int p0, short p1) throws SQLException {
    editor("updateShort").set(p0, p1);
  }

  @Override
  public void updateString(String p0, String p1) throws SQLException {
    updateString(findColumn(p0), p1);
  }

  @Override
  public void updateString(int p0, String p1) throws SQLException {
    editor("updateString").set(p0, p1);
  }

  @Override
  public void updateTime(String p0, Time p1) throws SQLException {
    updateTime(findColumn(p0), p1);
  }

  @Override
  public void updateTime(int p0, Time p1) throws SQLException {
    editor("updateTime").set(p0, p1);
  }

  @Override
  public void updateTimestamp(String p0, Timestamp p1) throws SQLException {
    updateTimestamp(findColumn(p0), p1);
  }

  @Override
  public void updateTimestamp(int p0, Timestamp p1) throws SQLException {
    editor("updateTimestamp").set(p0, p1);
  }
}
