package io.pluresdb.sql.parser.sqlite;

import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.sql.SqlBinaryOperator;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlPrefixOperator;
import org.apache.calcite.sql.type.InferTypes;
import org.apache.calcite.sql.type.OperandTypes;
import org.apache.calcite.sql.type.ReturnTypes;
import org.apache.calcite.sql.type.SqlReturnTypeInference;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.type.SqlTypeTransforms;
import org.apache.calcite.sql.validate.SqlValidator;
import org.apache.calcite.sql.validate.SqlValidatorScope;

/**
 * SQLite's bitwise operators {@code &}, {@code |}, {@code <<}, {@code >>} and {@code ~}: each takes
 * any values (SQLite converts them to 64-bit integers) and gives an integer. They are written back
 * to SQLite unchanged, so SQLite computes them. As in SQLite, the four binary ones share one
 * precedence, tighter than comparison and looser than {@code +}.
 */
public final class SqliteBitwise {
  /** Between comparison (30) and {@code +}/{@code -} (40); Calcite's precedences are even. */
  private static final int PRECEDENCE = 36;

  /** As tight as unary minus. */
  private static final int NOT_PRECEDENCE = 80;

  private static final SqlReturnTypeInference INTEGER =
      ReturnTypes.explicit(SqlTypeName.BIGINT).andThen(SqlTypeTransforms.TO_NULLABLE);

  public static final SqlBinaryOperator AND = binary("&");
  public static final SqlBinaryOperator OR = binary("|");
  public static final SqlBinaryOperator SHIFT_LEFT = binary("<<");
  public static final SqlBinaryOperator SHIFT_RIGHT = binary(">>");

  /** {@code ~x}. */
  public static final SqlPrefixOperator NOT =
      new SqlPrefixOperator(
          "~", SqlKind.OTHER, NOT_PRECEDENCE, INTEGER, InferTypes.RETURN_TYPE, OperandTypes.ANY) {
        @Override
        public RelDataType deriveType(
            SqlValidator validator, SqlValidatorScope scope, SqlCall call) {
          validator.deriveType(scope, call.operand(0));
          return validateOperands(validator, scope, call);
        }
      };

  private SqliteBitwise() {}

  private static SqlBinaryOperator binary(String name) {
    // not in the operator table: calls are built of these very instances and typed by them
    return new SqlBinaryOperator(
        name,
        SqlKind.OTHER,
        PRECEDENCE,
        true,
        INTEGER,
        InferTypes.FIRST_KNOWN,
        OperandTypes.ANY_ANY) {
      @Override
      public RelDataType deriveType(SqlValidator validator, SqlValidatorScope scope, SqlCall call) {
        for (SqlNode operand : call.getOperandList()) {
          validator.deriveType(scope, operand);
        }
        return validateOperands(validator, scope, call);
      }
    };
  }
}
