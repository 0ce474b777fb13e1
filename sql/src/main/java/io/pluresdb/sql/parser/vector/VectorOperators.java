package io.pluresdb.sql.parser.vector;

import org.apache.calcite.sql.SqlBinaryOperator;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlUnresolvedFunction;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * pgvector's {@code <->}, {@code <=>} and {@code <#>}. The parser needs binary operators to place
 * them by precedence; each one builds, instead of a call of itself, the function call it stands
 * for, so later stages only ever see {@code l2_distance(a, b)}, {@code cosine_distance(a, b)} and
 * {@code -inner_product(a, b)} (pgvector's {@code <#>} is the negative inner product).
 */
public final class VectorOperators {
  /**
   * Binds tighter than comparison and looser than {@code +}/{@code -}, like PostgreSQL's "any other
   * operator": {@code a <-> b < 0.5} compares the distance.
   */
  private static final int PRECEDENCE = 36;

  public static final SqlBinaryOperator L2_DISTANCE = new Distance("<->", "l2_distance", false);
  public static final SqlBinaryOperator COSINE_DISTANCE =
      new Distance("<=>", "cosine_distance", false);
  public static final SqlBinaryOperator NEGATIVE_INNER_PRODUCT =
      new Distance("<#>", "inner_product", true);

  private VectorOperators() {}

  /** One operator; immutable. */
  private static final class Distance extends SqlBinaryOperator {
    private final String function;
    private final boolean negate;

    Distance(String symbol, String function, boolean negate) {
      super(symbol, SqlKind.OTHER, PRECEDENCE, true, null, null, null);
      this.function = function;
      this.negate = negate;
    }

    @Override
    public SqlCall createCall(
        @Nullable SqlLiteral functionQualifier, SqlParserPos pos, @Nullable SqlNode... operands) {
      SqlUnresolvedFunction fn =
          new SqlUnresolvedFunction(
              new SqlIdentifier(function, pos),
              null,
              null,
              null,
              null,
              SqlFunctionCategory.USER_DEFINED_FUNCTION);
      SqlCall call = fn.createCall(functionQualifier, pos, operands);
      return negate ? SqlStdOperatorTable.UNARY_MINUS.createCall(pos, call) : call;
    }
  }
}
