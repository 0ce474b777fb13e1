package io.pluresdb.sql.functions;

import org.apache.calcite.avatica.util.TimeUnit;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIntervalQualifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.type.SqlTypeUtil;
import org.apache.calcite.sql.util.SqlBasicVisitor;
import org.apache.calcite.sql.validate.SqlValidator;
import org.jspecify.annotations.Nullable;

/**
 * Gives the standard date-time arithmetic SQLite's meaning. {@code d + INTERVAL '1' DAY}, {@code ts
 * - INTERVAL '2' MONTH} and {@code TIMESTAMPADD(unit, n, ts)} become SQLite's date functions with
 * modifiers, written back in the column's stored text form so that results compare with stored
 * values; {@code TIMESTAMPDIFF(unit, a, b)} counts whole units from a to b. A month added to the
 * 31st ends on the last day of a shorter month, as in standard SQL (SQLite's {@code floor}).
 *
 * <p>Also {@code MOD(a, b)} of non-integers becomes SQLite's own {@code mod} ({@link Modulo}).
 *
 * <p>The validated calls get new operators (which know their operands' types) that write them
 * ({@link DatetimeWriter}); nothing else in the tree changes.
 */
public final class DatetimeArithmetic {
  private DatetimeArithmetic() {}

  /** Replaces the operators of the date-time arithmetic under {@code validated}. */
  public static void rewrite(SqlNode validated, SqlValidator validator) {
    validated.accept(
        new SqlBasicVisitor<Void>() {
          @Override
          public Void visit(SqlCall call) {
            super.visit(call);
            if (call instanceof SqlBasicCall basic) {
              rewriteCall(basic, validator);
            }
            return null;
          }
        });
  }

  private static void rewriteCall(SqlBasicCall call, SqlValidator validator) {
    switch (call.getKind()) {
      case PLUS, MINUS -> {
        SqlTypeName target = stored(validator.getValidatedNodeTypeIfKnown(call));
        RelDataType right = validator.getValidatedNodeTypeIfKnown(call.operand(1));
        RelDataType left = validator.getValidatedNodeTypeIfKnown(call.operand(0));
        if (target != null && isInterval(right) && DatetimeWriter.supported(call.operand(1))) {
          call.setOperator(DatetimeWriter.shift(target, call.getKind() == SqlKind.MINUS, false));
        } else if (target != null
            && call.getKind() == SqlKind.PLUS
            && isInterval(left)
            && DatetimeWriter.supported(call.operand(0))) {
          call.setOperator(DatetimeWriter.shift(target, false, true));
        }
      }
      case TIMESTAMP_ADD -> {
        SqlTypeName target = stored(validator.getValidatedNodeTypeIfKnown(call));
        if (target != null) {
          call.setOperator(DatetimeWriter.add(target, unit(call.operand(0))));
        }
      }
      case TIMESTAMP_DIFF -> call.setOperator(DatetimeWriter.diff(unit(call.operand(0))));
      case MOD -> Modulo.rewrite(call, validator);
      default -> {}
    }
  }

  /** DATE, TIME or TIMESTAMP: the types stored as local ISO text; null for anything else. */
  private static @Nullable SqlTypeName stored(@Nullable RelDataType type) {
    if (type == null) {
      return null;
    }
    SqlTypeName name = type.getSqlTypeName();
    return name == SqlTypeName.DATE || name == SqlTypeName.TIME || name == SqlTypeName.TIMESTAMP
        ? name
        : null;
  }

  private static boolean isInterval(@Nullable RelDataType type) {
    return type != null && SqlTypeUtil.isInterval(type);
  }

  static TimeUnit unit(SqlNode node) {
    if (node instanceof SqlIntervalQualifier q) {
      return q.getStartUnit();
    }
    TimeUnit unit = ((SqlLiteral) node).getValueAs(TimeUnit.class);
    return unit;
  }
}
