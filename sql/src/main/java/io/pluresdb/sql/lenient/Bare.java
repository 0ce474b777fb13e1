package io.pluresdb.sql.lenient;

import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.sql.SqlAggFunction;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.type.OperandTypes;
import org.apache.calcite.sql.type.ReturnTypes;
import org.apache.calcite.sql.validate.SqlValidator;
import org.apache.calcite.sql.validate.SqlValidatorScope;

/**
 * A bare column of a grouped query, {@code SELECT a.name, count(*) … GROUP BY a.id}: the validator
 * sees an aggregate of the column (typed as the column), SQLite sees the column alone and takes its
 * value as SQLite does, from the row of a lone {@code min()}/{@code max()}, else from some row of
 * the group. Not in the operator table: calls are built of this instance and typed by it.
 */
public final class Bare extends SqlAggFunction {
  public static final Bare INSTANCE = new Bare();

  private Bare() {
    super(
        "BARE",
        null,
        SqlKind.OTHER_FUNCTION,
        ReturnTypes.ARG0,
        null,
        OperandTypes.ANY,
        SqlFunctionCategory.SYSTEM,
        false,
        false,
        org.apache.calcite.util.Optionality.FORBIDDEN);
  }

  @Override
  public RelDataType deriveType(SqlValidator validator, SqlValidatorScope scope, SqlCall call) {
    validator.deriveType(scope.getOperandScope(call), call.operand(0));
    return validateOperands(validator, scope, call);
  }

  @Override
  public void unparse(SqlWriter writer, SqlCall call, int leftPrec, int rightPrec) {
    call.operand(0).unparse(writer, leftPrec, rightPrec);
  }
}
