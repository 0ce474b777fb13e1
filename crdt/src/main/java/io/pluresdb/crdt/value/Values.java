package io.pluresdb.crdt.value;

import io.pluresdb.crdt.schema.ColumnDef;
import io.pluresdb.crdt.schema.ColumnType;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Conversions between the three forms a value takes. <b>Canonical</b> values are what every layer
 * passes around: Boolean, Long (all integer types and COUNTER), Double, BigDecimal, String, byte[],
 * LocalDate, LocalTime, LocalDateTime, OffsetDateTime (UTC), float[] (VECTOR), or null. <b>JDBC</b>
 * values are whatever a user binds (Integer, java.sql.Date, a String for a DATE column, ...).
 * <b>Stored</b> values are SQLite's: INTEGER (booleans as 0/1), REAL, TEXT (dates as ISO-8601
 * {@code yyyy-MM-dd}, times {@code HH:mm:ss[.fffffffff]}, timestamps {@code yyyy-MM-dd
 * HH:mm:ss[.fffffffff]}, zoned timestamps as UTC {@code yyyy-MM-dd HH:mm:ss[.f]Z}), BLOB (vectors
 * as little-endian float32). DECIMAL is bound as its plain text into a NUMERIC column, so SQLite
 * keeps it as a number whenever that is lossless.
 */
public final class Values {
  private Values() {}

  /**
   * Converts a bound JDBC value to the column's canonical value; a value that does not fit fails
   * with a 22xxx state naming the table and column ("column 'year' of table 'album' is INTEGER, got
   * 'abc'").
   */
  public static Object coerce(Object value, ColumnDef column, String table) throws SQLException {
    return Coercion.coerce(
        value,
        column.type(),
        column.precision(),
        column.scale(),
        new Coercion.Subject(column.name(), table));
  }

  /** Converts a value to the canonical value of {@code type} (no column to name in errors). */
  public static Object coerce(Object value, ColumnType type) throws SQLException {
    return Coercion.coerce(value, type, 0, 0, new Coercion.Subject(null, null));
  }

  /** Canonical value to stored value. */
  public static Object toStored(Object canonical, ColumnType type) {
    if (canonical == null) {
      return null;
    }
    return switch (type) {
      case BOOLEAN -> ((Boolean) canonical) ? 1L : 0L;
      case DECIMAL -> ((java.math.BigDecimal) canonical).toPlainString();
      case DATE -> TimeText.date((LocalDate) canonical);
      case TIME -> TimeText.time((LocalTime) canonical);
      case TIMESTAMP -> TimeText.timestamp((LocalDateTime) canonical);
      case TIMESTAMP_WITH_TIME_ZONE -> TimeText.timestampTz((OffsetDateTime) canonical);
      case VECTOR -> vectorBytes((float[]) canonical);
      default -> canonical;
    };
  }

  /** Stored value (as read from SQLite) to canonical value. */
  public static Object fromStored(Object stored, ColumnType type) throws SQLException {
    if (stored == null) {
      return null;
    }
    if (type == ColumnType.VECTOR && stored instanceof byte[] b) {
      return vectorFloats(b);
    }
    if (stored instanceof Integer i) {
      stored = i.longValue();
    }
    if (stored instanceof String s) {
      switch (type) {
        case CHAR, VARCHAR, CLOB, JSON -> {
          // already checked when written; reads skip length and JSON validation
          return s;
        }
        default -> {
          // converted below
        }
      }
    }
    return switch (type) {
      case TIMESTAMP_WITH_TIME_ZONE ->
          stored instanceof String s
              ? TimeText.parseTimestampTz(s)
              : Coercion.coerce(stored, type, 0, 0, "stored value");
      default -> Coercion.coerce(stored, type, 0, 0, "stored value");
    };
  }

  /** Binds a canonical value to a SQLite statement parameter in its stored form. */
  public static void bind(PreparedStatement ps, int index, Object canonical, ColumnType type)
      throws SQLException {
    Object stored = toStored(canonical, type);
    if (stored == null) {
      ps.setNull(index, Types.NULL);
    } else if (stored instanceof Long l) {
      ps.setLong(index, l);
    } else if (stored instanceof Double d) {
      ps.setDouble(index, d);
    } else if (stored instanceof String s) {
      ps.setString(index, s);
    } else if (stored instanceof byte[] b) {
      ps.setBytes(index, b);
    } else {
      ps.setObject(index, stored);
    }
  }

  /** Reads a SQLite result column as the canonical value of {@code type}. */
  public static Object read(ResultSet rs, int index, ColumnType type) throws SQLException {
    return fromStored(rs.getObject(index), type);
  }

  /** A vector's stored form: little-endian float32. */
  public static byte[] vectorBytes(float[] v) {
    ByteBuffer b = ByteBuffer.allocate(v.length * 4).order(ByteOrder.LITTLE_ENDIAN);
    for (float f : v) {
      b.putFloat(f);
    }
    return b.array();
  }

  /** Reads a vector's stored form. */
  public static float[] vectorFloats(byte[] bytes) {
    ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    float[] v = new float[bytes.length / 4];
    for (int i = 0; i < v.length; i++) {
      v[i] = b.getFloat();
    }
    return v;
  }

  /** The UTC offset every canonical zoned timestamp carries. */
  static final ZoneOffset UTC = ZoneOffset.UTC;
}
