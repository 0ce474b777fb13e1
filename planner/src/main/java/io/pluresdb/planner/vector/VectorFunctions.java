package io.pluresdb.planner.vector;

import java.util.List;
import java.util.Locale;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.sql.SqlBasicFunction;
import org.apache.calcite.sql.SqlCallBinding;
import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlOperatorTable;
import org.apache.calcite.sql.type.OperandTypes;
import org.apache.calcite.sql.type.ReturnTypes;
import org.apache.calcite.sql.type.SqlOperandTypeInference;
import org.apache.calcite.sql.type.SqlReturnTypeInference;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.util.SqlOperatorTables;

/**
 * The vector functions as Calcite knows them, for validation: each takes vectors (a {@code VECTOR}
 * column, a {@code ?} bound as {@code float[]} or text, or a text literal {@code '[1,2,3]'}) and
 * unparses unchanged into a call of the SQLite function of the same name ({@link
 * SqliteVectorFunctions}).
 */
public final class VectorFunctions {
  public static final SqlOperator COSINE_DISTANCE = binary("COSINE_DISTANCE");
  public static final SqlOperator L2_DISTANCE = binary("L2_DISTANCE");
  public static final SqlOperator INNER_PRODUCT = binary("INNER_PRODUCT");
  public static final SqlOperator VECTOR_SIMILARITY = binary("VECTOR_SIMILARITY");
  public static final SqlOperator VECTOR_DIMS =
      fn("VECTOR_DIMS", ReturnTypes.INTEGER_NULLABLE, OperandTypes.ANY);

  private static final List<SqlOperator> ALL =
      List.of(COSINE_DISTANCE, L2_DISTANCE, INNER_PRODUCT, VECTOR_SIMILARITY, VECTOR_DIMS);

  /** The functions, to chain into the validator's operator table. */
  public static final SqlOperatorTable TABLE = SqlOperatorTables.of(ALL);

  private VectorFunctions() {}

  /** True for one of the functions above. */
  public static boolean isVectorFunction(SqlOperator op) {
    return ALL.contains(op);
  }

  /** The function of that name (any case), or null. */
  static SqlOperator named(String name) {
    String upper = name.toUpperCase(Locale.ROOT);
    return ALL.stream().filter(op -> op.getName().equals(upper)).findFirst().orElse(null);
  }

  private static SqlOperator binary(String name) {
    return fn(name, ReturnTypes.DOUBLE_NULLABLE, OperandTypes.ANY_ANY);
  }

  private static SqlOperator fn(
      String name,
      SqlReturnTypeInference ret,
      org.apache.calcite.sql.type.SqlOperandTypeChecker operands) {
    return SqlBasicFunction.create(name, ret, operands, SqlFunctionCategory.NUMERIC)
        .withOperandTypeInference(VECTOR_OPERAND);
  }

  /** A {@code ?} passed to a vector function is a vector: bound as its float32 bytes. */
  private static final SqlOperandTypeInference VECTOR_OPERAND =
      (SqlCallBinding binding, RelDataType returnType, RelDataType[] operandTypes) -> {
        RelDataType bytes =
            binding
                .getTypeFactory()
                .createTypeWithNullability(
                    binding.getTypeFactory().createSqlType(SqlTypeName.VARBINARY), true);
        for (int i = 0; i < operandTypes.length; i++) {
          RelDataType known =
              binding.getValidator().getValidatedNodeTypeIfKnown(binding.operand(i));
          operandTypes[i] =
              known == null || known.getSqlTypeName() == SqlTypeName.UNKNOWN ? bytes : known;
        }
      };
}
