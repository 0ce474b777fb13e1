package io.pluresdb.crdt.value;

import io.pluresdb.crdt.error.Errors;
import io.pluresdb.crdt.error.SqlState;
import io.pluresdb.crdt.schema.ColumnType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

/**
 * {@code getObject(i, Class)}: each Java class a getter may ask for is answered by the cast of the
 * column type whose canonical value that class is (or shapes: java.sql.Date from DATE, Instant from
 * TIMESTAMP WITH TIME ZONE), so a class has exactly one conversion.
 */
final class JavaClasses {
  private JavaClasses() {}

  /** The column type whose canonical value {@code v} is (or would widen to); null for none. */
  static ColumnType ownerOf(Object v) {
    if (v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte) {
      return ColumnType.BIGINT;
    }
    if (v instanceof Double || v instanceof Float) {
      return ColumnType.DOUBLE;
    }
    Class<?> c = v.getClass();
    for (ColumnType t : OWNED) {
      if (t.javaClass() == c) {
        return t;
      }
    }
    return null;
  }

  /** The types whose canonical class is theirs alone (VARCHAR for String, BIGINT for Long...). */
  private static final ColumnType[] OWNED = {
    ColumnType.BOOLEAN,
    ColumnType.BIGINT,
    ColumnType.DOUBLE,
    ColumnType.DECIMAL,
    ColumnType.VARCHAR,
    ColumnType.VARBINARY,
    ColumnType.VECTOR,
    ColumnType.DATE,
    ColumnType.TIME,
    ColumnType.TIMESTAMP,
    ColumnType.TIMESTAMP_WITH_TIME_ZONE
  };

  static Object read(Object v, Class<?> as, String what) throws SQLException {
    if (as == Object.class) {
      return v;
    }
    if (as == String.class) {
      return ValueCodec.textOf(v);
    }
    if (as == Boolean.class || as == boolean.class) {
      return cast(ColumnType.BOOLEAN, v, what);
    }
    if (as == Float.class || as == float.class) {
      return ((Double) cast(ColumnType.DOUBLE, v, what)).floatValue();
    }
    if (as == Double.class || as == double.class) {
      return cast(ColumnType.DOUBLE, v, what);
    }
    if (as == BigDecimal.class) {
      return cast(ColumnType.DECIMAL, v, what);
    }
    if (as == BigInteger.class) {
      return ((BigDecimal) cast(ColumnType.DECIMAL, v, what)).toBigInteger();
    }
    if (as == byte[].class) {
      return cast(ColumnType.VARBINARY, v, what);
    }
    if (as == float[].class) {
      return cast(ColumnType.VECTOR, v, what);
    }
    Object whole = integer(v, as, what);
    return whole != null ? whole : temporal(v, as, what);
  }

  /**
   * The integer classes; a boxed class names its SQL type in errors, a primitive one the Java type
   * (as {@code getInt} does). Null when {@code as} is no integer class.
   */
  private static Object integer(Object v, Class<?> as, String what) throws SQLException {
    boolean primitive = as.isPrimitive();
    if (as == Byte.class || as == byte.class) {
      String name = primitive ? "byte" : "TINYINT";
      return (byte) IntegerCodec.cast(v, what, name, Byte.MIN_VALUE, Byte.MAX_VALUE);
    }
    if (as == Short.class || as == short.class) {
      String name = primitive ? "short" : "SMALLINT";
      return (short) IntegerCodec.cast(v, what, name, Short.MIN_VALUE, Short.MAX_VALUE);
    }
    if (as == Integer.class || as == int.class) {
      String name = primitive ? "int" : "INTEGER";
      return (int) IntegerCodec.cast(v, what, name, Integer.MIN_VALUE, Integer.MAX_VALUE);
    }
    if (as == Long.class || as == long.class) {
      String name = primitive ? "long" : "BIGINT";
      return IntegerCodec.cast(v, what, name, Long.MIN_VALUE, Long.MAX_VALUE);
    }
    return null;
  }

  private static Object temporal(Object v, Class<?> as, String what) throws SQLException {
    if (as == LocalDate.class) {
      return cast(ColumnType.DATE, v, what);
    }
    if (as == LocalTime.class) {
      return cast(ColumnType.TIME, v, what);
    }
    if (as == LocalDateTime.class) {
      return cast(ColumnType.TIMESTAMP, v, what);
    }
    if (as == OffsetDateTime.class) {
      return cast(ColumnType.TIMESTAMP_WITH_TIME_ZONE, v, what);
    }
    if (as == ZonedDateTime.class) {
      return zoned(v, what).toZonedDateTime();
    }
    if (as == Instant.class) {
      return zoned(v, what).toInstant();
    }
    if (as == OffsetTime.class) {
      return ((LocalTime) cast(ColumnType.TIME, v, what)).atOffset(ZoneOffset.UTC);
    }
    if (as == java.sql.Date.class) {
      return java.sql.Date.valueOf((LocalDate) cast(ColumnType.DATE, v, what));
    }
    if (as == java.sql.Time.class) {
      return java.sql.Time.valueOf((LocalTime) cast(ColumnType.TIME, v, what));
    }
    if (as == java.sql.Timestamp.class) {
      return v instanceof OffsetDateTime t
          ? java.sql.Timestamp.from(t.toInstant()) // an instant needs no zone
          : java.sql.Timestamp.valueOf((LocalDateTime) cast(ColumnType.TIMESTAMP, v, what));
    }
    if (as == java.util.Date.class) {
      LocalDateTime t = (LocalDateTime) cast(ColumnType.TIMESTAMP, v, what);
      return new java.util.Date(java.sql.Timestamp.valueOf(t).getTime());
    }
    throw Errors.of(
        SqlState.INVALID_CHARACTER_VALUE_FOR_CAST,
        what + ": conversion to " + as.getName() + " is not supported");
  }

  private static OffsetDateTime zoned(Object v, String what) throws SQLException {
    return (OffsetDateTime) cast(ColumnType.TIMESTAMP_WITH_TIME_ZONE, v, what);
  }

  private static Object cast(ColumnType type, Object v, String what) throws SQLException {
    return ValueCodec.of(type).cast(v, what);
  }
}
