package io.pluresdb.driver.jdbc;

import io.pluresdb.crdt.error.Errors;
import io.pluresdb.crdt.error.SqlState;
import io.pluresdb.crdt.schema.ColumnType;
import io.pluresdb.driver.value.TypeFacts;
import io.pluresdb.sql.read.ColumnMeta;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.List;

/** {@link ResultSetMetaData} read from the planner's {@link ColumnMeta}s. Immutable. */
final class ResultSetMetaDataImpl implements ResultSetMetaData, SelfWrapper {
  private final List<ColumnMeta> columns;

  ResultSetMetaDataImpl(List<ColumnMeta> columns) {
    this.columns = List.copyOf(columns);
  }

  private ColumnMeta column(int i) throws SQLException {
    if (i < 1 || i > columns.size()) {
      throw Errors.of(
          SqlState.INVALID_DESCRIPTOR_INDEX,
          "column index " + i + " is out of range 1.." + columns.size());
    }
    return columns.get(i - 1);
  }

  @Override
  public int getColumnCount() {
    return columns.size();
  }

  @Override
  public boolean isAutoIncrement(int i) throws SQLException {
    return column(i).autoIncrement();
  }

  @Override
  public boolean isCaseSensitive(int i) throws SQLException {
    return TypeFacts.isText(column(i).type()); // SQLite compares text with BINARY collation
  }

  @Override
  public boolean isSearchable(int i) throws SQLException {
    column(i);
    return true;
  }

  @Override
  public boolean isCurrency(int i) throws SQLException {
    column(i);
    return false;
  }

  @Override
  public int isNullable(int i) throws SQLException {
    return column(i).nullable() ? columnNullable : columnNoNulls;
  }

  @Override
  public boolean isSigned(int i) throws SQLException {
    return TypeFacts.isNumeric(column(i).type());
  }

  @Override
  public int getColumnDisplaySize(int i) throws SQLException {
    ColumnMeta c = column(i);
    return TypeFacts.displaySize(c.type(), c.precision());
  }

  @Override
  public String getColumnLabel(int i) throws SQLException {
    return column(i).label();
  }

  @Override
  public String getColumnName(int i) throws SQLException {
    return column(i).name();
  }

  @Override
  public String getSchemaName(int i) throws SQLException {
    return column(i).table().isEmpty() ? "" : "main";
  }

  @Override
  public int getPrecision(int i) throws SQLException {
    ColumnMeta c = column(i);
    return TypeFacts.precision(c.type(), c.precision());
  }

  @Override
  public int getScale(int i) throws SQLException {
    return column(i).scale();
  }

  @Override
  public String getTableName(int i) throws SQLException {
    return column(i).table();
  }

  @Override
  public String getCatalogName(int i) throws SQLException {
    column(i);
    return "";
  }

  @Override
  public int getColumnType(int i) throws SQLException {
    return column(i).type().jdbcType();
  }

  @Override
  public String getColumnTypeName(int i) throws SQLException {
    return TypeFacts.sqlName(column(i).type());
  }

  @Override
  public boolean isReadOnly(int i) throws SQLException {
    return column(i).table().isEmpty();
  }

  @Override
  public boolean isWritable(int i) throws SQLException {
    return !isReadOnly(i);
  }

  @Override
  public boolean isDefinitelyWritable(int i) throws SQLException {
    column(i);
    return false;
  }

  @Override
  public String getColumnClassName(int i) throws SQLException {
    ColumnType type = column(i).type();
    return TypeFacts.className(type);
  }
}
