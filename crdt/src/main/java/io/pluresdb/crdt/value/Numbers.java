package io.pluresdb.crdt.value;

import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * What counts as a number, shared by the numeric codecs in both directions, so that assignment and
 * getters agree on which values are numbers and differ only in rounding and error reporting.
 */
final class Numbers {
  private Numbers() {}

  /**
   * {@code v} as an exact decimal, or null when it is not a number or numeric text (booleans are
   * left to the caller: some types take them, some do not).
   *
   * @throws NumberFormatException for text that is not a number
   * @throws ArithmeticException for NaN and the infinities, which no exact type holds
   */
  static BigDecimal exact(Object v) {
    if (v instanceof BigDecimal d) {
      return d;
    }
    if (v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte) {
      return BigDecimal.valueOf(((Number) v).longValue());
    }
    if (v instanceof BigInteger i) {
      return new BigDecimal(i);
    }
    if (v instanceof Double || v instanceof Float) {
      double x = ((Number) v).doubleValue();
      if (!Double.isFinite(x)) {
        throw new ArithmeticException(x + " is not a finite number");
      }
      return BigDecimal.valueOf(x);
    }
    if (v instanceof String s) {
      return new BigDecimal(s.trim());
    }
    return null;
  }

  /** Like {@link #exact} with booleans as 1 and 0, and null for anything that is not a number. */
  static BigDecimal exactOrNull(Object v) {
    if (v instanceof Boolean b) {
      return b ? BigDecimal.ONE : BigDecimal.ZERO;
    }
    try {
      return exact(v);
    } catch (NumberFormatException | ArithmeticException e) {
      return null; // the caller reports the value itself, which says more than the parse error
    }
  }

  /**
   * {@code v} as a double (NaN and the infinities included), or null when it is not a number, a
   * boolean or text.
   *
   * @throws NumberFormatException for text that is not a number
   */
  static Double floating(Object v) {
    if (v instanceof Number n) {
      return n.doubleValue();
    }
    if (v instanceof String s) {
      return Double.parseDouble(s.trim());
    }
    if (v instanceof Boolean b) {
      return b ? 1.0 : 0.0;
    }
    return null;
  }
}
