package io.pluresdb.crdt.value;

import io.pluresdb.crdt.schema.ColumnDef;
import io.pluresdb.crdt.schema.ColumnType;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;

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
 *
 * <p>Each type's rules live in its {@link ValueCodec}; this class is the entry point the store and
 * the planner call.
 */
public final class Values {
  private Values() {}

  /**
   * Converts a bound JDBC value to the column's canonical value; a value that does not fit fails
   * with a 22xxx state naming the table and column ("column 'year' of table 'album' is INTEGER, got
   * 'abc'").
   */
  public static Object coerce(Object value, ColumnDef column, String table) throws SQLException {
    ValueCodec codec = ValueCodec.of(column.type());
    Subject what = new Subject(column.name(), table);
    Object canonical = codec.coerce(value, what);
    return canonical == null
        ? null
        : codec.fit(canonical, column.precision(), column.scale(), what);
  }

  /** Converts a value to the canonical value of {@code type} (no column to name in errors). */
  public static Object coerce(Object value, ColumnType type) throws SQLException {
    return ValueCodec.of(type).coerce(value, new Subject(null, null));
  }

  /** Canonical value to stored value. */
  public static Object toStored(Object canonical, ColumnType type) {
    return ValueCodec.of(type).toStored(canonical);
  }

  /** Stored value (as read from SQLite) to canonical value. */
  public static Object fromStored(Object stored, ColumnType type) throws SQLException {
    return stored == null ? null : ValueCodec.of(type).fromStored(stored);
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
}
