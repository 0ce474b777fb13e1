package io.pluresdb.sql.calcite;

import java.util.function.Function;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.runtime.CalciteContextException;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.validate.SqlValidatorException;
import org.jspecify.annotations.Nullable;

/**
 * SQLite's error for {@code x IN (SELECT a, b …)} and {@code x IN t} over a table of two columns:
 * {@code sub-select returns 2 columns - expected 1}. Calcite refuses both with a message about
 * incompatible types; this names the cause as SQLite does (see {@link CalciteErrors}).
 */
final class SubselectArity {
  private SubselectArity() {}

  /**
   * SQLite's error for {@code expr} when it is an IN whose sub-select has other than one column
   * against a single value, else null. {@code typeOf} gives a validated node's type, or null.
   */
  static @Nullable CalciteContextException of(
      SqlNode expr, Function<SqlNode, @Nullable RelDataType> typeOf) {
    if (!(expr instanceof SqlCall in)
        || (in.getKind() != SqlKind.IN && in.getKind() != SqlKind.NOT_IN)
        || in.operandCount() != 2
        || in.operand(0).getKind() == SqlKind.ROW) {
      return null;
    }
    SqlNode right = in.operand(1);
    if (right instanceof SqlNodeList list && list.size() == 1) {
      right = list.get(0);
    }
    if (!right.getKind().belongsTo(SqlKind.QUERY)) {
      return null;
    }
    RelDataType type = typeOf.apply(right);
    if (type == null || !type.isStruct() || type.getFieldCount() == 1) {
      return null;
    }
    String message = "sub-select returns " + type.getFieldCount() + " columns - expected 1";
    return new CalciteContextException(message, new SqlValidatorException(message, null));
  }
}
