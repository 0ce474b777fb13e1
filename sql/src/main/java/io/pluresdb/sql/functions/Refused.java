package io.pluresdb.sql.functions;

import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.sql.SqlBasicFunction;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.type.OperandTypes;
import org.apache.calcite.sql.type.ReturnTypes;
import org.apache.calcite.sql.validate.SqlValidator;
import org.apache.calcite.sql.validate.SqlValidatorScope;

/**
 * SQLite functions the driver refuses to run: {@code load_extension} would load native code into
 * the process that hosts every connection of a node. Calling one fails validation with a {@link
 * RefusedFunctionException}, which maps to SQLState 42501.
 */
final class Refused {
  private Refused() {}

  static final SqlOperator LOAD_EXTENSION =
      new RefusedFunction(
          SqlBasicFunction.create(
              "LOAD_EXTENSION",
              ReturnTypes.VARCHAR.andThen(
                  org.apache.calcite.sql.type.SqlTypeTransforms.FORCE_NULLABLE),
              OperandTypes.variadic(
                  org.apache.calcite.sql.type.SqlOperandCountRanges.between(1, 2)),
              SqlFunctionCategory.SYSTEM),
          "loading SQLite extensions is not allowed: an extension would run native code inside"
              + " the database process");

  /** A function whose every call is refused with a reason. */
  private static final class RefusedFunction extends org.apache.calcite.sql.SqlFunction {
    private final String reason;

    RefusedFunction(SqlBasicFunction like, String reason) {
      super(
          like.getName(),
          like.getKind(),
          like.getReturnTypeInference(),
          null,
          like.getOperandTypeChecker(),
          like.getFunctionType());
      this.reason = reason;
    }

    @Override
    public RelDataType deriveType(SqlValidator validator, SqlValidatorScope scope, SqlCall call) {
      throw new RefusedFunctionException(
          getName().toLowerCase(java.util.Locale.ROOT) + ": " + reason);
    }
  }
}
