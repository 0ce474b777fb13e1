package io.pluresdb.sql.functions;

import java.util.Arrays;
import java.util.Set;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.sql.SqlBasicFunction;
import org.apache.calcite.sql.SqlCallBinding;
import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlSyntax;
import org.apache.calcite.sql.fun.SqlBasicAggFunction;
import org.apache.calcite.sql.type.InferTypes;
import org.apache.calcite.sql.type.OperandTypes;
import org.apache.calcite.sql.type.ReturnTypes;
import org.apache.calcite.sql.type.SqlOperandCountRanges;
import org.apache.calcite.sql.type.SqlOperandTypeInference;
import org.apache.calcite.sql.type.SqlReturnTypeInference;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.type.SqlTypeTransforms;
import org.apache.calcite.util.Optionality;

/**
 * One SQLite function as the validator sees it: its name, how many arguments it takes ({@code max}
 * -1 for any number), the type of its result and whether it is a scalar function or an aggregate.
 * The call unparses unchanged, so SQLite computes it.
 */
record Fn(String name, int min, int max, Returns returns, Kind kind) {
  /** Scalar functions are called per row; aggregates also serve as window functions in SQLite. */
  enum Kind {
    SCALAR,
    AGGREGATE
  }

  /**
   * The result type. SQLite's values are dynamically typed; a function whose result type depends on
   * its arguments' values is {@link #ANY}, which the validator compares with anything without
   * inserting casts.
   */
  enum Returns {
    TEXT(SqlTypeName.VARCHAR),
    INTEGER(SqlTypeName.BIGINT),
    REAL(SqlTypeName.DOUBLE),
    BLOB(SqlTypeName.VARBINARY),
    ANY(SqlTypeName.ANY),
    /** The type of the first argument (abs, trunc, likely). */
    ARG0(SqlTypeName.ANY);

    private final SqlTypeName type;

    Returns(SqlTypeName type) {
      this.type = type;
    }

    SqlReturnTypeInference inference() {
      // SQLite functions answer NULL for arguments they cannot use: every result may be null.
      SqlReturnTypeInference base = this == ARG0 ? ReturnTypes.ARG0 : ReturnTypes.explicit(type);
      return base.andThen(SqlTypeTransforms.FORCE_NULLABLE);
    }
  }

  static Fn scalar(String name, int min, int max, Returns returns) {
    return new Fn(name, min, max, returns, Kind.SCALAR);
  }

  static Fn aggregate(String name, int min, int max, Returns returns) {
    return new Fn(name, min, max, returns, Kind.AGGREGATE);
  }

  /** The Calcite operator: any argument types, a {@code ?} argument typed as text or a number. */
  SqlOperator operator() {
    var operands =
        max == 0
            ? OperandTypes.NILADIC
            : OperandTypes.variadic(
                max < 0
                    ? SqlOperandCountRanges.from(min)
                    : SqlOperandCountRanges.between(min, max));
    SqlOperandTypeInference inference =
        returns == Returns.REAL ? Fn::doubles : InferTypes.VARCHAR_1024;
    if (kind == Kind.AGGREGATE) {
      return SqlBasicAggFunction.create(name, SqlKind.OTHER_FUNCTION, returns.inference(), operands)
          .withFunctionType(SqlFunctionCategory.SYSTEM)
          .withGroupOrder(Optionality.OPTIONAL)
          .withSyntax(SqlSyntax.FUNCTION);
    }
    SqlBasicFunction f =
        SqlBasicFunction.create(name, returns.inference(), operands, category())
            .withOperandTypeInference(inference);
    return NON_DETERMINISTIC.contains(name) ? f.withDeterministic(false) : f;
  }

  /** DATE(…), TIME(…) and DATETIME(…) are parsed as date-time constructors: TIMEDATE. */
  private SqlFunctionCategory category() {
    return Set.of("DATE", "TIME", "DATETIME").contains(name)
        ? SqlFunctionCategory.TIMEDATE
        : SqlFunctionCategory.SYSTEM;
  }

  /** A {@code ?} argument of a function with a REAL result is a double. */
  private static void doubles(
      SqlCallBinding binding, RelDataType returnType, RelDataType[] operandTypes) {
    Arrays.fill(operandTypes, binding.getTypeFactory().createSqlType(SqlTypeName.DOUBLE));
  }

  private static final Set<String> NON_DETERMINISTIC =
      java.util.Set.of("RANDOM", "RANDOMBLOB", "CHANGES", "TOTAL_CHANGES");
}
