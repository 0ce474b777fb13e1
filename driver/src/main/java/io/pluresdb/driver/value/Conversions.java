package io.pluresdb.driver.value;

import io.pluresdb.crdt.error.Errors;
import io.pluresdb.crdt.error.SqlState;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * The JDBC conversions of one value: what {@code getInt}, {@code getString}, {@code getObject(i,
 * LocalDate.class)}... make of a canonical value, and what {@code setObject(i, x, type)} makes of a
 * bound one. Every failure is a 22xxx {@link SQLException} whose message names {@code what} (such
 * as "column 'year'") and the offending value.
 *
 * <p>Stateless and thread-safe.
 */
public final class Conversions {
  private Conversions() {}

  /** Text form: ISO dates, JDBC-style timestamps, plain decimals, hex for bytes. */
  public static String toText(Object v) {
    if (v == null) {
      return null;
    }
    if (v instanceof BigDecimal d) {
      return d.toPlainString();
    }
    if (v instanceof byte[] b) {
      return hex(b);
    }
    if (v instanceof float[] f) {
      StringBuilder s = new StringBuilder("[");
      for (int i = 0; i < f.length; i++) {
        s.append(i == 0 ? "" : ",").append(f[i]);
      }
      return s.append(']').toString();
    }
    if (v instanceof LocalDateTime t) {
      return java.sql.Timestamp.valueOf(t).toString();
    }
    if (v instanceof java.util.Date d) {
      return d.toString();
    }
    return v.toString();
  }

  public static boolean toBoolean(Object v, String what) throws SQLException {
    if (v instanceof Boolean b) {
      return b;
    }
    if (v instanceof Number n) {
      return n.doubleValue() != 0;
    }
    if (v instanceof String s) {
      switch (s.trim().toLowerCase(Locale.ROOT)) {
        case "true", "t", "yes", "y", "on", "1":
          return true;
        case "false", "f", "no", "n", "off", "0":
          return false;
        default:
          break;
      }
    }
    throw cannot(v, "BOOLEAN", what);
  }

  /** An integer in [min, max]; fractions are truncated, as JDBC getters do. */
  public static long toLong(Object v, String what, String target, long min, long max)
      throws SQLException {
    BigDecimal d = toBigDecimalOrNull(v);
    if (d == null) {
      throw cannot(v, target, what);
    }
    BigInteger whole = d.toBigInteger();
    if (whole.compareTo(BigInteger.valueOf(min)) < 0
        || whole.compareTo(BigInteger.valueOf(max)) > 0) {
      throw Errors.of(
          SqlState.NUMERIC_VALUE_OUT_OF_RANGE,
          what + ": value " + toText(v) + " is out of range for " + target);
    }
    return whole.longValue();
  }

  public static double toDouble(Object v, String what) throws SQLException {
    if (v instanceof Number n && !(v instanceof BigDecimal)) {
      return n.doubleValue();
    }
    BigDecimal d = toBigDecimalOrNull(v);
    if (d == null) {
      if (v instanceof String s) {
        try {
          return Double.parseDouble(s.trim()); // NaN and Infinity
        } catch (NumberFormatException e) {
          throw cannot(v, "DOUBLE", what);
        }
      }
      throw cannot(v, "DOUBLE", what);
    }
    return d.doubleValue();
  }

  public static BigDecimal toBigDecimal(Object v, String what) throws SQLException {
    BigDecimal d = toBigDecimalOrNull(v);
    if (d == null) {
      throw cannot(v, "DECIMAL", what);
    }
    return d;
  }

  private static BigDecimal toBigDecimalOrNull(Object v) {
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
      double d = ((Number) v).doubleValue();
      return Double.isFinite(d) ? BigDecimal.valueOf(d) : null;
    }
    if (v instanceof Boolean b) {
      return b ? BigDecimal.ONE : BigDecimal.ZERO;
    }
    if (v instanceof String s) {
      try {
        return new BigDecimal(s.trim());
      } catch (NumberFormatException e) {
        return null;
      }
    }
    return null;
  }

  public static byte[] toBytes(Object v, String what) throws SQLException {
    if (v instanceof byte[] b) {
      return b.clone();
    }
    if (v instanceof String s) {
      return s.getBytes(StandardCharsets.UTF_8);
    }
    throw cannot(v, "VARBINARY", what);
  }

  public static LocalDate toLocalDate(Object v, String what) throws SQLException {
    if (v instanceof LocalDate d) {
      return d;
    }
    if (v instanceof LocalDateTime t) {
      return t.toLocalDate();
    }
    if (v instanceof OffsetDateTime t) {
      return t.toLocalDate();
    }
    if (v instanceof java.sql.Date d) {
      return d.toLocalDate();
    }
    if (v instanceof java.sql.Timestamp t) {
      return t.toLocalDateTime().toLocalDate();
    }
    if (v instanceof String s) {
      try {
        return LocalDate.parse(s.trim());
      } catch (DateTimeParseException e) {
        try {
          return LocalDateTime.parse(s.trim().replace(' ', 'T')).toLocalDate();
        } catch (DateTimeParseException e2) {
          throw cannot(v, "DATE", what);
        }
      }
    }
    throw cannot(v, "DATE", what);
  }

  public static LocalTime toLocalTime(Object v, String what) throws SQLException {
    if (v instanceof LocalTime t) {
      return t;
    }
    if (v instanceof LocalDateTime t) {
      return t.toLocalTime();
    }
    if (v instanceof OffsetDateTime t) {
      return t.toLocalTime();
    }
    if (v instanceof java.sql.Time t) {
      return t.toLocalTime();
    }
    if (v instanceof java.sql.Timestamp t) {
      return t.toLocalDateTime().toLocalTime();
    }
    if (v instanceof String s) {
      try {
        return LocalTime.parse(s.trim());
      } catch (DateTimeParseException e) {
        throw cannot(v, "TIME", what);
      }
    }
    throw cannot(v, "TIME", what);
  }

  public static LocalDateTime toLocalDateTime(Object v, String what) throws SQLException {
    if (v instanceof LocalDateTime t) {
      return t;
    }
    if (v instanceof LocalDate d) {
      return d.atStartOfDay();
    }
    if (v instanceof OffsetDateTime t) {
      return t.toLocalDateTime();
    }
    if (v instanceof java.sql.Timestamp t) {
      return t.toLocalDateTime();
    }
    if (v instanceof java.sql.Date d) {
      return d.toLocalDate().atStartOfDay();
    }
    if (v instanceof String s) {
      String t = s.trim();
      try {
        return LocalDateTime.parse(t.replace(' ', 'T'));
      } catch (DateTimeParseException e) {
        try {
          return LocalDate.parse(t).atStartOfDay();
        } catch (DateTimeParseException e2) {
          throw cannot(v, "TIMESTAMP", what);
        }
      }
    }
    throw cannot(v, "TIMESTAMP", what);
  }

  /** A zoned timestamp; local date-times are taken as UTC. */
  public static OffsetDateTime toOffsetDateTime(Object v, String what) throws SQLException {
    if (v instanceof OffsetDateTime t) {
      return t;
    }
    if (v instanceof ZonedDateTime t) {
      return t.toOffsetDateTime();
    }
    if (v instanceof Instant i) {
      return i.atOffset(ZoneOffset.UTC);
    }
    if (v instanceof String s) {
      String t = s.trim().replace(' ', 'T');
      if (t.endsWith("Z") || t.matches(".*[+-]\\d\\d:?\\d\\d$")) {
        try {
          return OffsetDateTime.parse(t);
        } catch (DateTimeParseException e) {
          throw cannot(v, "TIMESTAMP WITH TIME ZONE", what);
        }
      }
    }
    return toLocalDateTime(v, what).atOffset(ZoneOffset.UTC);
  }

  public static float[] toVector(Object v, String what) throws SQLException {
    if (v instanceof float[] f) {
      return f.clone();
    }
    if (v instanceof String s) {
      String t = s.trim();
      if (t.startsWith("[") && t.endsWith("]")) {
        String body = t.substring(1, t.length() - 1).trim();
        String[] parts = body.isEmpty() ? new String[0] : body.split(",");
        float[] f = new float[parts.length];
        try {
          for (int i = 0; i < parts.length; i++) {
            f[i] = Float.parseFloat(parts[i].trim());
          }
          return f;
        } catch (NumberFormatException e) {
          throw cannot(v, "VECTOR", what);
        }
      }
    }
    throw cannot(v, "VECTOR", what);
  }

  /** The 22018 error: {@code what} holds {@code v}, which cannot become {@code target}. */
  public static SQLException cannot(Object v, String target, String what) {
    return Errors.of(
        SqlState.INVALID_CHARACTER_VALUE_FOR_CAST,
        what + ": cannot convert " + describe(v) + " to " + target);
  }

  /** A short description of a value for messages: quoted text, or type and value. */
  public static String describe(Object v) {
    if (v == null) {
      return "NULL";
    }
    String text = toText(v);
    if (text.length() > 60) {
      text = text.substring(0, 57) + "...";
    }
    if (v instanceof String) {
      return "'" + text + "'";
    }
    return v.getClass().getSimpleName() + " " + text;
  }

  private static String hex(byte[] b) {
    StringBuilder s = new StringBuilder(b.length * 2);
    for (byte x : b) {
      s.append(Character.forDigit((x >> 4) & 0xF, 16)).append(Character.forDigit(x & 0xF, 16));
    }
    return s.toString();
  }
}
