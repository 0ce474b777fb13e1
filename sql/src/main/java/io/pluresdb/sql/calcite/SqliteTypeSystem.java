package io.pluresdb.sql.calcite;

import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rel.type.RelDataTypeSystemImpl;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.type.SqlTypeUtil;

/**
 * Result types of aggregates as SQLite computes them, since SQLite evaluates every pushed-down
 * query: {@code AVG} is always a double, {@code SUM} of integers a 64-bit integer.
 */
final class SqliteTypeSystem extends RelDataTypeSystemImpl {
  static final SqliteTypeSystem INSTANCE = new SqliteTypeSystem();

  @Override
  public RelDataType deriveAvgAggType(RelDataTypeFactory factory, RelDataType argumentType) {
    return factory.createTypeWithNullability(factory.createSqlType(SqlTypeName.DOUBLE), true);
  }

  @Override
  public RelDataType deriveSumType(RelDataTypeFactory factory, RelDataType argumentType) {
    if (SqlTypeUtil.isExactNumeric(argumentType) && argumentType.getScale() <= 0) {
      return factory.createTypeWithNullability(
          factory.createSqlType(SqlTypeName.BIGINT), argumentType.isNullable());
    }
    if (SqlTypeUtil.isApproximateNumeric(argumentType)) {
      return factory.createTypeWithNullability(
          factory.createSqlType(SqlTypeName.DOUBLE), argumentType.isNullable());
    }
    return super.deriveSumType(factory, argumentType);
  }
}
