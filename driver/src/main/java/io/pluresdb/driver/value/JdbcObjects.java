package io.pluresdb.driver.value;

import io.pluresdb.crdt.schema.ColumnType;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;

/**
 * The value {@code ResultSet.getObject(int)} returns: a canonical value in the JDBC default class
 * of its column type (Integer for INTEGER, Double for REAL and DOUBLE, java.sql.Date for DATE...),
 * the class {@link TypeFacts#className} names. Every other conversion is the column type's {@link
 * io.pluresdb.crdt.value.ValueCodec}'s.
 *
 * <p>Stateless and thread-safe.
 */
public final class JdbcObjects {
  private JdbcObjects() {}

  /** {@code v} (canonical, of a column of {@code type}) in the type's JDBC default class. */
  public static Object of(Object v, ColumnType type) {
    if (v == null) {
      return null;
    }
    return switch (type) {
      case TINYINT, SMALLINT, INTEGER ->
          v instanceof Long l && l == l.intValue()
              ? Integer.valueOf(l.intValue())
              : v; // a computed INTEGER too wide for int stays Long
      // SQLite's REAL is an 8-byte double: a REAL column keeps and gives double precision
      case DATE -> v instanceof LocalDate d ? java.sql.Date.valueOf(d) : v;
      case TIME -> v instanceof LocalTime t ? java.sql.Time.valueOf(t) : v;
      case TIMESTAMP -> v instanceof LocalDateTime t ? java.sql.Timestamp.valueOf(t) : v;
      // arrays are copied: the caller may change what it gets
      case BINARY, VARBINARY, BLOB -> v instanceof byte[] b ? b.clone() : v;
      case VECTOR -> v instanceof float[] f ? f.clone() : v;
      default -> v;
    };
  }
}
