package io.pluresdb.sql.functions;

import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.sql.SqlBasicFunction;
import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.type.OperandTypes;
import org.apache.calcite.sql.type.ReturnTypes;
import org.apache.calcite.sql.type.SqlTypeUtil;
import org.apache.calcite.sql.validate.SqlValidator;

/**
 * {@code MOD(a, b)}: of integers it is the standard integer remainder, which SQLite's {@code %}
 * computes; of other numbers it is SQLite's {@code mod}, since {@code %} would first truncate them
 * to integers ({@code MOD(5.5, 2)} is 1.5, not 1).
 */
final class Modulo {
  private Modulo() {}

  private static final SqlOperator SQLITE_MOD =
      SqlBasicFunction.create(
          "MOD", ReturnTypes.DOUBLE_NULLABLE, OperandTypes.ANY_ANY, SqlFunctionCategory.NUMERIC);

  static void rewrite(SqlBasicCall call, SqlValidator validator) {
    if (call.getOperator() != SqlStdOperatorTable.MOD) {
      return; // the % operator keeps SQLite's meaning
    }
    for (SqlNode operand : call.getOperandList()) {
      RelDataType type = validator.getValidatedNodeTypeIfKnown(operand);
      if (type != null && !(SqlTypeUtil.isExactNumeric(type) && type.getScale() <= 0)) {
        call.setOperator(SQLITE_MOD);
        return;
      }
    }
  }
}
