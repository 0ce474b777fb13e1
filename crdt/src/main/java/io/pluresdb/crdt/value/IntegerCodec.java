package io.pluresdb.crdt.value;

import io.pluresdb.crdt.error.Errors;
import io.pluresdb.crdt.error.SqlState;
import io.pluresdb.crdt.schema.ColumnType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.sql.SQLException;

/** TINYINT, SMALLINT, INTEGER, BIGINT and COUNTER: a Long within the type's range. */
final class IntegerCodec extends ValueCodec {
  private final long min;
  private final long max;

  IntegerCodec(ColumnType type, long min, long max) {
    super(type);
    this.min = min;
    this.max = max;
  }

  @Override
  Object assign(Object v, Object what) throws SQLException {
    long l = whole(v, what);
    if (l < min || l > max) {
      throw Errors.of(
          SqlState.NUMERIC_VALUE_OUT_OF_RANGE,
          what + " is " + type() + ", value " + l + " is out of range [" + min + ", " + max + "]");
    }
    return l;
  }

  private long whole(Object v, Object what) throws SQLException {
    if (v instanceof Long l) {
      return l; // the common case first: every canonical integer is a Long
    }
    if (v instanceof Boolean b) {
      return b ? 1L : 0L;
    }
    if (v instanceof String s) {
      try {
        return Long.parseLong(s.trim());
      } catch (NumberFormatException e) {
        // a fraction or an exponent: parsed as a decimal below
      }
    }
    BigDecimal d = Numbers.exact(v);
    if (d == null) {
      throw Failures.wrong(v, type(), what);
    }
    try {
      // SQL assignment rounds a fraction to the nearest integer, as PostgreSQL does
      return d.setScale(0, RoundingMode.HALF_UP).longValueExact();
    } catch (ArithmeticException e) {
      throw Errors.of(
          SqlState.NUMERIC_VALUE_OUT_OF_RANGE,
          what + " is " + type() + ", value " + v + " is out of range",
          e);
    }
  }

  @Override
  Object convert(Object v, Object what) throws SQLException {
    return cast(v, String.valueOf(what), name(), min, max);
  }

  /**
   * A getter's integer: fractions truncate, as JDBC getters do; {@code target} names the asked type
   * in errors ("int" for {@code getInt}, "INTEGER" for {@code getObject(i, Integer.class)}).
   */
  static long cast(Object v, String what, String target, long min, long max) throws SQLException {
    BigDecimal d = Numbers.exactOrNull(v);
    if (d == null) {
      throw Failures.cannot(v, target, what);
    }
    BigInteger whole = d.toBigInteger();
    if (whole.compareTo(BigInteger.valueOf(min)) < 0
        || whole.compareTo(BigInteger.valueOf(max)) > 0) {
      throw Errors.of(
          SqlState.NUMERIC_VALUE_OUT_OF_RANGE,
          what + ": value " + ValueCodec.textOf(v) + " is out of range for " + target);
    }
    return whole.longValue();
  }
}
