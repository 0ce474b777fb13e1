package io.pluresdb.driver.value;

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
 * {@code getObject} in its three forms: the JDBC default class of a column type, a requested class
 * (java.time included), and the canonical value of a target type for {@code setObject}.
 *
 * <p>Stateless and thread-safe.
 */
public final class ObjectConversions {
  private ObjectConversions() {}

  /** The value {@code getObject(int)} returns: the class {@link TypeFacts#className} names. */
  public static Object toJdbcObject(Object v, ColumnType type) {
    if (v == null) {
      return null;
    }
    return switch (type) {
      case TINYINT, SMALLINT, INTEGER ->
          v instanceof Long l && l == l.intValue()
              ? Integer.valueOf(l.intValue())
              : v; // a computed INTEGER too wide for int stays Long
      case REAL -> v instanceof Double d ? Float.valueOf(d.floatValue()) : v;
      case DATE -> v instanceof LocalDate d ? java.sql.Date.valueOf(d) : v;
      case TIME -> v instanceof LocalTime t ? java.sql.Time.valueOf(t) : v;
      case TIMESTAMP -> v instanceof LocalDateTime t ? java.sql.Timestamp.valueOf(t) : v;
      case BINARY, VARBINARY, BLOB -> v instanceof byte[] b ? b.clone() : v;
      case VECTOR -> v instanceof float[] f ? f.clone() : v;
      default -> v;
    };
  }

  /** The value {@code getObject(i, type)} returns; null stays null (also for primitives). */
  public static <T> T toClass(Object v, Class<T> type, String what) throws SQLException {
    if (v == null) {
      return null;
    }
    return type.cast(convert(v, type, what));
  }

  private static Object convert(Object v, Class<?> type, String what) throws SQLException {
    if (type == Object.class) {
      return v;
    }
    if (type == String.class) {
      return Conversions.toText(v);
    }
    if (type == Boolean.class) {
      return Conversions.toBoolean(v, what);
    }
    if (type == Byte.class) {
      return (byte) Conversions.toLong(v, what, "TINYINT", Byte.MIN_VALUE, Byte.MAX_VALUE);
    }
    if (type == Short.class) {
      return (short) Conversions.toLong(v, what, "SMALLINT", Short.MIN_VALUE, Short.MAX_VALUE);
    }
    if (type == Integer.class) {
      return (int) Conversions.toLong(v, what, "INTEGER", Integer.MIN_VALUE, Integer.MAX_VALUE);
    }
    if (type == Long.class) {
      return Conversions.toLong(v, what, "BIGINT", Long.MIN_VALUE, Long.MAX_VALUE);
    }
    if (type == Float.class) {
      return (float) Conversions.toDouble(v, what);
    }
    if (type == Double.class) {
      return Conversions.toDouble(v, what);
    }
    if (type == BigDecimal.class) {
      return Conversions.toBigDecimal(v, what);
    }
    if (type == BigInteger.class) {
      return Conversions.toBigDecimal(v, what).toBigInteger();
    }
    if (type == byte[].class) {
      return Conversions.toBytes(v, what);
    }
    if (type == float[].class) {
      return Conversions.toVector(v, what);
    }
    return convertTemporal(v, type, what);
  }

  private static Object convertTemporal(Object v, Class<?> type, String what) throws SQLException {
    if (type == LocalDate.class) {
      return Conversions.toLocalDate(v, what);
    }
    if (type == LocalTime.class) {
      return Conversions.toLocalTime(v, what);
    }
    if (type == LocalDateTime.class) {
      return Conversions.toLocalDateTime(v, what);
    }
    if (type == OffsetDateTime.class) {
      return Conversions.toOffsetDateTime(v, what);
    }
    if (type == ZonedDateTime.class) {
      return Conversions.toOffsetDateTime(v, what).toZonedDateTime();
    }
    if (type == Instant.class) {
      return Conversions.toOffsetDateTime(v, what).toInstant();
    }
    if (type == OffsetTime.class) {
      return Conversions.toLocalTime(v, what).atOffset(ZoneOffset.UTC);
    }
    if (type == java.sql.Date.class) {
      return java.sql.Date.valueOf(Conversions.toLocalDate(v, what));
    }
    if (type == java.sql.Time.class) {
      return java.sql.Time.valueOf(Conversions.toLocalTime(v, what));
    }
    if (type == java.sql.Timestamp.class) {
      return v instanceof OffsetDateTime t
          ? java.sql.Timestamp.from(t.toInstant())
          : java.sql.Timestamp.valueOf(Conversions.toLocalDateTime(v, what));
    }
    if (type == java.util.Date.class) {
      return new java.util.Date(
          java.sql.Timestamp.valueOf(Conversions.toLocalDateTime(v, what)).getTime());
    }
    throw Errors.of(
        SqlState.INVALID_CHARACTER_VALUE_FOR_CAST,
        what + ": conversion to " + type.getName() + " is not supported");
  }

  /** The canonical value of {@code type} for a bound value ({@code setObject(i, x, sqlType)}). */
  public static Object toCanonical(Object v, ColumnType type, String what) throws SQLException {
    if (v == null) {
      return null;
    }
    return switch (type) {
      case BOOLEAN -> Conversions.toBoolean(v, what);
      case TINYINT -> Conversions.toLong(v, what, "TINYINT", Byte.MIN_VALUE, Byte.MAX_VALUE);
      case SMALLINT -> Conversions.toLong(v, what, "SMALLINT", Short.MIN_VALUE, Short.MAX_VALUE);
      case INTEGER -> Conversions.toLong(v, what, "INTEGER", Integer.MIN_VALUE, Integer.MAX_VALUE);
      case BIGINT, COUNTER -> Conversions.toLong(v, what, "BIGINT", Long.MIN_VALUE, Long.MAX_VALUE);
      case REAL, DOUBLE -> Conversions.toDouble(v, what);
      case DECIMAL -> Conversions.toBigDecimal(v, what);
      case CHAR, VARCHAR, CLOB, JSON -> Conversions.toText(v);
      case BINARY, VARBINARY, BLOB -> Conversions.toBytes(v, what);
      case DATE -> Conversions.toLocalDate(v, what);
      case TIME -> Conversions.toLocalTime(v, what);
      case TIMESTAMP -> Conversions.toLocalDateTime(v, what);
      case TIMESTAMP_WITH_TIME_ZONE -> Conversions.toOffsetDateTime(v, what);
      case VECTOR -> Conversions.toVector(v, what);
    };
  }
}
