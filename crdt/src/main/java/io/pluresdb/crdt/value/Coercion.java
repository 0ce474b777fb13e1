package io.pluresdb.crdt.value;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.pluresdb.crdt.error.Errors;
import io.pluresdb.crdt.error.SqlState;
import io.pluresdb.crdt.schema.ColumnType;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.HexFormat;
import java.util.List;

/** JDBC (or stored) value to canonical value, per column type, with range and length checks. */
final class Coercion {
  private static final ObjectMapper JSON = new ObjectMapper();

  private Coercion() {}

  /**
   * Names the value in error messages ("column 'year' of table 'album'"); the text is only built
   * when an error is raised, since coercion runs for every bound value.
   */
  record Subject(String column, String table) {
    @Override
    public String toString() {
      return column == null ? "value" : "column '" + column + "' of table '" + table + "'";
    }
  }

  static Object coerce(Object v, ColumnType type, int precision, int scale, Object what)
      throws SQLException {
    if (v == null) {
      return null;
    }
    try {
      return switch (type) {
        case BOOLEAN -> bool(v, type, what);
        case TINYINT -> range(integer(v, type, what), -128, 127, type, what);
        case SMALLINT -> range(integer(v, type, what), -32768, 32767, type, what);
        case INTEGER ->
            range(integer(v, type, what), Integer.MIN_VALUE, Integer.MAX_VALUE, type, what);
        case BIGINT, COUNTER -> integer(v, type, what);
        case REAL, DOUBLE -> dbl(v, type, what);
        case DECIMAL -> decimal(v, precision, scale, type, what);
        case CHAR, VARCHAR, CLOB -> length(text(v, type, what), precision, type, what);
        case JSON -> json(text(v, type, what), what);
        case BINARY, VARBINARY, BLOB -> bytes(v, precision, type, what);
        case DATE -> Temporals.date(v);
        case TIME -> Temporals.time(v);
        case TIMESTAMP -> Temporals.timestamp(v);
        case TIMESTAMP_WITH_TIME_ZONE -> Temporals.timestampTz(v);
        case VECTOR -> vector(v, precision, what);
      };
    } catch (DateTimeParseException | NumberFormatException | ArithmeticException e) {
      SqlState state =
          switch (type) {
            case DATE, TIME, TIMESTAMP, TIMESTAMP_WITH_TIME_ZONE ->
                SqlState.INVALID_DATETIME_FORMAT;
            default ->
                e instanceof ArithmeticException
                    ? SqlState.NUMERIC_VALUE_OUT_OF_RANGE
                    : SqlState.INVALID_TEXT_REPRESENTATION;
          };
      throw Errors.of(state, mismatch(v, type, what), e);
    } catch (ClassCastException e) {
      throw Errors.of(SqlState.INVALID_CHARACTER_VALUE_FOR_CAST, mismatch(v, type, what), e);
    }
  }

  private static String mismatch(Object v, ColumnType type, Object what) {
    String shown = v instanceof String s ? "'" + s + "'" : v.getClass().getSimpleName() + " " + v;
    return what + " is " + type + ", got " + shown;
  }

  private static SQLException wrong(Object v, ColumnType type, Object what) {
    return Errors.of(SqlState.INVALID_CHARACTER_VALUE_FOR_CAST, mismatch(v, type, what));
  }

  private static Boolean bool(Object v, ColumnType type, Object what) throws SQLException {
    if (v instanceof Boolean b) {
      return b;
    }
    if (v instanceof Number n) {
      return n.doubleValue() != 0;
    }
    if (v instanceof String s) {
      switch (s.trim().toLowerCase(java.util.Locale.ROOT)) {
        case "true", "t", "yes", "y", "on", "1" -> {
          return true;
        }
        case "false", "f", "no", "n", "off", "0" -> {
          return false;
        }
        default -> throw Errors.of(SqlState.INVALID_TEXT_REPRESENTATION, mismatch(v, type, what));
      }
    }
    throw wrong(v, type, what);
  }

  private static Long integer(Object v, ColumnType type, Object what) throws SQLException {
    if (v instanceof Long l) {
      return l;
    }
    if (v instanceof Integer || v instanceof Short || v instanceof Byte) {
      return ((Number) v).longValue();
    }
    if (v instanceof Boolean b) {
      return b ? 1L : 0L;
    }
    BigDecimal d;
    if (v instanceof BigDecimal bd) {
      d = bd;
    } else if (v instanceof BigInteger bi) {
      d = new BigDecimal(bi);
    } else if (v instanceof Double || v instanceof Float) {
      double x = ((Number) v).doubleValue();
      if (Double.isNaN(x) || Double.isInfinite(x)) {
        throw Errors.of(SqlState.NUMERIC_VALUE_OUT_OF_RANGE, mismatch(v, type, what));
      }
      d = BigDecimal.valueOf(x);
    } else if (v instanceof String s) {
      String t = s.trim();
      try {
        return Long.parseLong(t);
      } catch (NumberFormatException e) {
        d = new BigDecimal(t);
      }
    } else {
      throw wrong(v, type, what);
    }
    try {
      // SQL assignment rounds a fraction to the nearest integer, as PostgreSQL does
      return d.setScale(0, RoundingMode.HALF_UP).longValueExact();
    } catch (ArithmeticException e) {
      throw Errors.of(
          SqlState.NUMERIC_VALUE_OUT_OF_RANGE,
          what + " is " + type + ", value " + v + " is out of range",
          e);
    }
  }

  private static Long range(Long l, long min, long max, ColumnType type, Object what)
      throws SQLException {
    if (l < min || l > max) {
      throw Errors.of(
          SqlState.NUMERIC_VALUE_OUT_OF_RANGE,
          what + " is " + type + ", value " + l + " is out of range [" + min + ", " + max + "]");
    }
    return l;
  }

  private static Double dbl(Object v, ColumnType type, Object what) throws SQLException {
    if (v instanceof Number n) {
      return n.doubleValue();
    }
    if (v instanceof String s) {
      return Double.parseDouble(s.trim());
    }
    if (v instanceof Boolean b) {
      return b ? 1.0 : 0.0;
    }
    throw wrong(v, type, what);
  }

  private static BigDecimal decimal(
      Object v, int precision, int scale, ColumnType type, Object what) throws SQLException {
    BigDecimal d;
    if (v instanceof BigDecimal bd) {
      d = bd;
    } else if (v instanceof BigInteger bi) {
      d = new BigDecimal(bi);
    } else if (v instanceof Long
        || v instanceof Integer
        || v instanceof Short
        || v instanceof Byte) {
      d = BigDecimal.valueOf(((Number) v).longValue());
    } else if (v instanceof Double || v instanceof Float) {
      double x = ((Number) v).doubleValue();
      if (Double.isNaN(x) || Double.isInfinite(x)) {
        throw Errors.of(SqlState.NUMERIC_VALUE_OUT_OF_RANGE, mismatch(v, type, what));
      }
      d = BigDecimal.valueOf(x);
    } else if (v instanceof String s) {
      d = new BigDecimal(s.trim());
    } else {
      throw wrong(v, type, what);
    }
    if (precision > 0) {
      d = d.setScale(scale, RoundingMode.HALF_UP);
      if (d.precision() - d.scale() > precision - scale) {
        throw Errors.of(
            SqlState.NUMERIC_VALUE_OUT_OF_RANGE,
            what + " is DECIMAL(" + precision + "," + scale + "), value " + v + " does not fit");
      }
    }
    return d;
  }

  private static String text(Object v, ColumnType type, Object what) throws SQLException {
    if (v instanceof String s) {
      return s;
    }
    if (v instanceof BigDecimal d) {
      return d.toPlainString();
    }
    if (v instanceof Number || v instanceof Boolean || v instanceof Character) {
      return v.toString();
    }
    if (v instanceof java.sql.Clob c) {
      return c.getSubString(1, (int) c.length());
    }
    if (v instanceof byte[] || v instanceof float[]) {
      throw wrong(v, type, what);
    }
    Object t = Temporals.legacy(v);
    if (t instanceof LocalDateTime ldt) {
      return TimeText.timestamp(ldt);
    }
    if (t instanceof LocalTime lt) {
      return TimeText.time(lt);
    }
    return t.toString();
  }

  private static String length(String s, int max, ColumnType type, Object what)
      throws SQLException {
    if (max > 0 && s.codePointCount(0, s.length()) > max) {
      throw Errors.of(
          SqlState.STRING_DATA_RIGHT_TRUNCATION,
          what + " is " + type + "(" + max + "), got a value of " + s.length() + " characters");
    }
    return s;
  }

  private static String json(String s, Object what) throws SQLException {
    try {
      JSON.readTree(s);
      return s;
    } catch (IOException e) {
      throw Errors.of(
          SqlState.INVALID_TEXT_REPRESENTATION, what + " is JSON, got invalid JSON '" + s + "'", e);
    }
  }

  private static byte[] bytes(Object v, int max, ColumnType type, Object what) throws SQLException {
    byte[] b;
    if (v instanceof byte[] a) {
      b = a;
    } else if (v instanceof java.sql.Blob blob) {
      b = blob.getBytes(1, (int) blob.length());
    } else if (v instanceof String s) {
      b =
          s.startsWith("\\x")
              ? HexFormat.of().parseHex(s.substring(2))
              : s.getBytes(StandardCharsets.UTF_8);
    } else {
      throw wrong(v, type, what);
    }
    if (max > 0 && b.length > max) {
      throw Errors.of(
          SqlState.STRING_DATA_RIGHT_TRUNCATION,
          what + " is " + type + "(" + max + "), got " + b.length + " bytes");
    }
    return b;
  }

  private static float[] vector(Object v, int dims, Object what) throws SQLException {
    float[] f;
    if (v instanceof float[] a) {
      f = a.clone();
    } else if (v instanceof double[] a) {
      f = new float[a.length];
      for (int i = 0; i < a.length; i++) {
        f[i] = (float) a[i];
      }
    } else if (v instanceof byte[] b) {
      f = Values.vectorFloats(b);
    } else if (v instanceof List<?> l) {
      f = new float[l.size()];
      for (int i = 0; i < f.length; i++) {
        f[i] = ((Number) l.get(i)).floatValue();
      }
    } else if (v instanceof String s) {
      String t = s.trim();
      if (!t.startsWith("[") || !t.endsWith("]")) {
        throw Errors.of(
            SqlState.INVALID_TEXT_REPRESENTATION,
            what + " is VECTOR, got '" + s + "' (expected '[1,2,3]')");
      }
      String body = t.substring(1, t.length() - 1).trim();
      String[] parts = body.isEmpty() ? new String[0] : body.split(",");
      f = new float[parts.length];
      for (int i = 0; i < parts.length; i++) {
        f[i] = Float.parseFloat(parts[i].trim());
      }
    } else {
      throw wrong(v, ColumnType.VECTOR, what);
    }
    if (dims > 0 && f.length != dims) {
      throw Errors.of(
          SqlState.DATA_EXCEPTION,
          what + " is VECTOR(" + dims + "), got " + f.length + " dimensions");
    }
    return f;
  }
}
