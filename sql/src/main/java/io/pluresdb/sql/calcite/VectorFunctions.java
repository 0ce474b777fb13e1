package io.pluresdb.sql.calcite;

import java.util.List;
import java.util.Locale;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlCallBinding;
import org.apache.calcite.sql.SqlDynamicParam;
import org.apache.calcite.sql.SqlFunction;
import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlOperatorTable;
import org.apache.calcite.sql.type.OperandTypes;
import org.apache.calcite.sql.type.ReturnTypes;
import org.apache.calcite.sql.type.SqlOperandTypeInference;
import org.apache.calcite.sql.type.SqlReturnTypeInference;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.util.SqlOperatorTables;
import org.apache.calcite.sql.validate.SqlValidator;
import org.apache.calcite.sql.validate.SqlValidatorScope;
import org.jspecify.annotations.Nullable;

/**
 * The vector functions as Calcite knows them, for validation: each takes vectors (a {@code VECTOR}
 * column, a {@code ?} bound as {@code float[]} or text, or a text literal {@code '[1,2,3]'}) and
 * unparses unchanged into a call of the SQLite function of the same name ({@link
 * SqliteVectorFunctions}).
 */
public final class VectorFunctions {
  // Declared first: the functions below take it while the class initializes.
  /** A {@code ?} passed to a vector function is a vector: bound as its float32 bytes. */
  private static final SqlOperandTypeInference VECTOR_OPERAND =
      (SqlCallBinding binding, RelDataType returnType, RelDataType[] operandTypes) -> {
        RelDataType bytes = vectorType(binding.getTypeFactory());
        for (int i = 0; i < operandTypes.length; i++) {
          if (binding.operand(i) instanceof SqlDynamicParam) {
            operandTypes[i] = bytes;
          }
        }
      };

  public static final SqlOperator COSINE_DISTANCE = binary("COSINE_DISTANCE");
  public static final SqlOperator L2_DISTANCE = binary("L2_DISTANCE");
  public static final SqlOperator INNER_PRODUCT = binary("INNER_PRODUCT");
  public static final SqlOperator VECTOR_SIMILARITY = binary("VECTOR_SIMILARITY");
  public static final SqlOperator VECTOR_DIMS =
      fn("VECTOR_DIMS", ReturnTypes.INTEGER_NULLABLE, OperandTypes.ANY);

  private static final List<SqlOperator> ALL =
      List.of(COSINE_DISTANCE, L2_DISTANCE, INNER_PRODUCT, VECTOR_SIMILARITY, VECTOR_DIMS);

  /**
   * The functions, to chain into the validator's operator table, and {@link RowidOf}, which only
   * the planner writes but the validator looks up by name like any function.
   */
  public static final SqlOperatorTable TABLE =
      SqlOperatorTables.of(
          List.of(
              COSINE_DISTANCE,
              L2_DISTANCE,
              INNER_PRODUCT,
              VECTOR_SIMILARITY,
              VECTOR_DIMS,
              RowidOf.INSTANCE));

  private VectorFunctions() {}

  /** True for one of the functions above. */
  public static boolean isVectorFunction(SqlOperator op) {
    return ALL.contains(op);
  }

  /** The function of that name (any case), or null. */
  static @Nullable SqlOperator named(String name) {
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
    return new VectorFunction(name, ret, operands);
  }

  /** A vector function: its {@code ?} arguments are typed as vectors wherever the call appears. */
  private static final class VectorFunction extends SqlFunction {
    VectorFunction(
        String name,
        SqlReturnTypeInference ret,
        org.apache.calcite.sql.type.SqlOperandTypeChecker operands) {
      super(
          name, SqlKind.OTHER_FUNCTION, ret, VECTOR_OPERAND, operands, SqlFunctionCategory.NUMERIC);
    }

    @Override
    public RelDataType deriveType(SqlValidator validator, SqlValidatorScope scope, SqlCall call) {
      // Calcite infers a parameter's type only in some clauses (not ORDER BY); relational
      // conversion (EXPLAIN) needs it everywhere.
      for (SqlNode operand : call.getOperandList()) {
        if (operand instanceof SqlDynamicParam) {
          validator.setValidatedNodeType(operand, vectorType(validator.getTypeFactory()));
        }
      }
      return super.deriveType(validator, scope, call);
    }
  }

  private static RelDataType vectorType(org.apache.calcite.rel.type.RelDataTypeFactory factory) {
    return factory.createTypeWithNullability(factory.createSqlType(SqlTypeName.VARBINARY), true);
  }
}
