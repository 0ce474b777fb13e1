package io.pluresdb.sql.lenient;

import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlFunction;
import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.type.OperandTypes;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.validate.SqlValidator;
import org.apache.calcite.sql.validate.SqlValidatorScope;

/**
 * A value compared with one of no common type, {@code x'30' IN (SELECT n FROM t)} or {@code x'30' =
 * n}: the validator sees a value of any type, SQLite sees the value itself and compares as SQLite
 * does, by storage class (a number is less than text, text less than a blob, and values of
 * different classes are never equal). Not in the operator table: calls are built of this instance
 * and typed by it.
 */
public final class Compared extends SqlFunction {
  public static final Compared INSTANCE = new Compared();

  private Compared() {
    super(
        "COMPARED",
        SqlKind.OTHER_FUNCTION,
        opBinding ->
            opBinding
                .getTypeFactory()
                .createTypeWithNullability(
                    opBinding.getTypeFactory().createSqlType(SqlTypeName.ANY), true),
        null,
        OperandTypes.ANY,
        SqlFunctionCategory.SYSTEM);
  }

  @Override
  public RelDataType deriveType(SqlValidator validator, SqlValidatorScope scope, SqlCall call) {
    validator.deriveType(scope, call.operand(0));
    return validateOperands(validator, scope, call);
  }

  @Override
  public void unparse(SqlWriter writer, SqlCall call, int leftPrec, int rightPrec) {
    call.operand(0).unparse(writer, leftPrec, rightPrec);
  }
}
