package io.pluresdb.driver.jdbc;

import io.pluresdb.crdt.error.Errors;
import io.pluresdb.crdt.error.SqlState;
import io.pluresdb.crdt.schema.ColumnType;
import io.pluresdb.driver.value.TypeFacts;
import java.sql.ParameterMetaData;
import java.sql.SQLException;
import java.util.List;

/** {@link ParameterMetaData} from the types the planner inferred for each parameter. Immutable. */
final class ParameterMetaDataImpl implements ParameterMetaData, SelfWrapper {
  private final List<ColumnType> types;

  ParameterMetaDataImpl(List<ColumnType> types) {
    this.types = List.copyOf(types);
  }

  private ColumnType type(int i) throws SQLException {
    if (i < 1 || i > types.size()) {
      throw Errors.of(
          SqlState.INVALID_PARAMETER_NUMBER,
          "parameter index " + i + " is out of range 1.." + types.size());
    }
    return types.get(i - 1);
  }

  @Override
  public int getParameterCount() {
    return types.size();
  }

  @Override
  public int isNullable(int i) throws SQLException {
    type(i);
    return parameterNullableUnknown;
  }

  @Override
  public boolean isSigned(int i) throws SQLException {
    return TypeFacts.isNumeric(type(i));
  }

  @Override
  public int getPrecision(int i) throws SQLException {
    return TypeFacts.defaultPrecision(type(i));
  }

  @Override
  public int getScale(int i) throws SQLException {
    type(i);
    return 0;
  }

  @Override
  public int getParameterType(int i) throws SQLException {
    return type(i).jdbcType();
  }

  @Override
  public String getParameterTypeName(int i) throws SQLException {
    return TypeFacts.sqlName(type(i));
  }

  @Override
  public String getParameterClassName(int i) throws SQLException {
    return TypeFacts.className(type(i));
  }

  @Override
  public int getParameterMode(int i) throws SQLException {
    type(i);
    return parameterModeIn;
  }
}
