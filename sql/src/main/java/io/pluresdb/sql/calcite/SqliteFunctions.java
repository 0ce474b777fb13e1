package io.pluresdb.sql.calcite;

import io.pluresdb.sql.functions.SqliteFunctionList;
import io.pluresdb.sql.trigger.TriggerProgram;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.calcite.sql.SqlBasicFunction;
import org.apache.calcite.sql.SqlFunction;
import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlOperatorTable;
import org.apache.calcite.sql.SqlSyntax;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.type.InferTypes;
import org.apache.calcite.sql.type.OperandTypes;
import org.apache.calcite.sql.type.ReturnTypes;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.type.SqlTypeTransforms;
import org.apache.calcite.sql.util.SqlOperatorTables;
import org.apache.calcite.sql.validate.SqlNameMatcher;

/**
 * The functions SQLite users write that standard SQL lacks. Each one exists in SQLite under the
 * same name and arguments, so a call unparses unchanged; standard functions SQLite spells
 * differently are translated by {@link SqliteDialect}.
 */
public final class SqliteFunctions {
  private SqliteFunctions() {}

  static final List<SqlOperator> FUNCTIONS =
      List.of(
          fn("LENGTH", ReturnTypes.INTEGER_NULLABLE, OperandTypes.ANY),
          fn(
              "SUBSTR",
              ReturnTypes.ARG0_NULLABLE_VARYING,
              OperandTypes.or(OperandTypes.STRING_INTEGER, OperandTypes.STRING_INTEGER_INTEGER)),
          // ifnull(qty, 'none'): SQLite returns whichever value it is; arguments of no common
          // type make the result ANY, typed per value
          fn(
              "IFNULL",
              ReturnTypes.LEAST_RESTRICTIVE
                  .orElse(ReturnTypes.explicit(SqlTypeName.ANY))
                  .andThen(SqlTypeTransforms.TO_NULLABLE_ALL),
              OperandTypes.ANY_ANY),
          fn("INSTR", ReturnTypes.INTEGER_NULLABLE, OperandTypes.STRING_STRING),
          fn("TYPEOF", ReturnTypes.VARCHAR, OperandTypes.ANY),
          fn("RANDOM", ReturnTypes.BIGINT, OperandTypes.NILADIC).withDeterministic(false),
          fn(
              "LTRIM",
              ReturnTypes.ARG0_NULLABLE_VARYING,
              OperandTypes.or(OperandTypes.STRING, OperandTypes.STRING_STRING)),
          fn(
              "RTRIM",
              ReturnTypes.ARG0_NULLABLE_VARYING,
              OperandTypes.or(OperandTypes.STRING, OperandTypes.STRING_STRING)),
          fn("HEX", ReturnTypes.VARCHAR_NULLABLE, OperandTypes.ANY),
          fn("PRINTF", ReturnTypes.VARCHAR_NULLABLE, OperandTypes.VARIADIC),
          fn("STRFTIME", ReturnTypes.VARCHAR_NULLABLE, OperandTypes.VARIADIC),
          fn("JULIANDAY", ReturnTypes.DOUBLE_NULLABLE, OperandTypes.VARIADIC),
          fn("UNIXEPOCH", ReturnTypes.BIGINT_NULLABLE, OperandTypes.VARIADIC),
          // The standard LOWER and UPPER, except that a parameter argument is text: jOOQ's
          // likeIgnoreCase sends "lower(col) like lower(?)".
          textArgument(SqlStdOperatorTable.LOWER),
          textArgument(SqlStdOperatorTable.UPPER),
          // a trigger's RAISE inside a write (see TriggerProgram): fits wherever a value goes, and
          // is never folded, since SQLite must evaluate it where and when the RAISE stood
          fn(
                  TriggerProgram.RAISE_FUNCTION.toUpperCase(java.util.Locale.ROOT),
                  ReturnTypes.explicit(SqlTypeName.ANY).andThen(SqlTypeTransforms.FORCE_NULLABLE),
                  OperandTypes.STRING_STRING)
              .withDeterministic(false));

  /** Ours and SQLite's built-ins ({@link SqliteFunctionList}). */
  private static final List<SqlOperator> ALL =
      java.util.stream.Stream.concat(FUNCTIONS.stream(), SqliteFunctionList.OPERATORS.stream())
          .toList();

  /**
   * The SQLite functions above (they win over standard ones of the same name), the vector functions
   * and standard SQL.
   */
  public static final SqlOperatorTable OPERATORS =
      SqlOperatorTables.chain(
          SqlOperatorTables.of(ALL),
          VectorFunctions.TABLE,
          SessionFunctions.TABLE,
          new Shadowed(
              SqlStdOperatorTable.instance(),
              java.util.stream.Stream.concat(
                      FUNCTIONS.stream().map(SqlOperator::getName),
                      SqliteFunctionList.REPLACED.stream())
                  .collect(Collectors.toSet())));

  /**
   * The standard operators but the functions named like one above: with two candidates the
   * validator keeps a call unresolved while it types its parameters, and so would not use ours.
   */
  private record Shadowed(SqlOperatorTable standard, Set<String> ours) implements SqlOperatorTable {
    private boolean visible(SqlOperator op) {
      return !(op instanceof SqlFunction && ours.contains(op.getName()));
    }

    @Override
    public void lookupOperatorOverloads(
        SqlIdentifier name,
        SqlFunctionCategory category,
        SqlSyntax syntax,
        List<SqlOperator> operators,
        SqlNameMatcher matcher) {
      List<SqlOperator> found = new ArrayList<>();
      standard.lookupOperatorOverloads(name, category, syntax, found, matcher);
      found.stream().filter(this::visible).forEach(operators::add);
    }

    @Override
    public List<SqlOperator> getOperatorList() {
      return standard.getOperatorList().stream().filter(this::visible).toList();
    }
  }

  private static SqlBasicFunction textArgument(SqlFunction standard) {
    return fn(standard.getName(), ReturnTypes.ARG0_NULLABLE, OperandTypes.CHARACTER)
        .withOperandTypeInference(InferTypes.VARCHAR_1024);
  }

  private static SqlBasicFunction fn(
      String name,
      org.apache.calcite.sql.type.SqlReturnTypeInference ret,
      org.apache.calcite.sql.type.SqlOperandTypeChecker operands) {
    return SqlBasicFunction.create(name, ret, operands, SqlFunctionCategory.STRING);
  }
}
