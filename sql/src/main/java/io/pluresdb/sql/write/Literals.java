package io.pluresdb.sql.write;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Optional;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNumericLiteral;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.util.BitString;
import org.apache.calcite.util.DateString;
import org.apache.calcite.util.TimeString;
import org.apache.calcite.util.TimestampString;

/**
 * Literal SQL values as Java values, so that the common INSERT needs no SQLite round trip. The
 * result is a JDBC-style value that {@code Values.coerce} turns into the column's canonical one.
 */
final class Literals {
  /** The Java value of SQL NULL (distinct from "not a literal"). */
  static final Object NULL = new Object();

  private Literals() {}

  /** The literal's value ({@link #NULL} for NULL), or empty if the node is not a literal. */
  static Optional<Object> valueOf(SqlNode node) {
    if (node instanceof SqlLiteral lit) {
      return Optional.ofNullable(literal(lit));
    }
    if (node instanceof SqlCall call) {
      if (call.getKind() == SqlKind.MINUS_PREFIX
          && call.operand(0) instanceof SqlNumericLiteral n) {
        Object v = literal(n);
        if (v instanceof Long l && l != Long.MIN_VALUE) {
          return Optional.of(-l);
        }
        if (v instanceof BigDecimal d) {
          return Optional.of(d.negate());
        }
        if (v instanceof Double d) {
          return Optional.of(-d);
        }
      }
      if (call.getKind() == SqlKind.PLUS_PREFIX) {
        return valueOf(call.operand(0));
      }
      if (call.getKind() == SqlKind.CAST && call.operand(0) instanceof SqlLiteral) {
        // A cast of a literal to the column's type is what coercion to the column does anyway.
        return valueOf(call.operand(0));
      }
    }
    return Optional.empty();
  }

  private static Object literal(SqlLiteral lit) {
    SqlTypeName t = lit.getTypeName();
    if (t == SqlTypeName.NULL) {
      return NULL;
    }
    if (lit instanceof SqlNumericLiteral n) {
      BigDecimal d = n.getValueAs(BigDecimal.class);
      if (!n.isExact()) {
        return d.doubleValue();
      }
      if (d.scale() <= 0) {
        try {
          return d.longValueExact();
        } catch (ArithmeticException e) {
          return d;
        }
      }
      return d;
    }
    return switch (t) {
      case BOOLEAN -> lit.getValueAs(Boolean.class);
      case CHAR, VARCHAR -> lit.getValueAs(String.class);
      case DATE -> LocalDate.parse(lit.getValueAs(DateString.class).toString());
      case TIME -> LocalTime.parse(lit.getValueAs(TimeString.class).toString());
      case TIMESTAMP ->
          LocalDateTime.parse(lit.getValueAs(TimestampString.class).toString().replace(' ', 'T'));
      case BINARY, VARBINARY -> lit.getValueAs(BitString.class).getAsByteArray();
      default -> null;
    };
  }
}
