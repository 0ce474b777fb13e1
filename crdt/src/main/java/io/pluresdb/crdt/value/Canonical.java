package io.pluresdb.crdt.value;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Blob;
import java.sql.Clob;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.temporal.Temporal;
import java.util.UUID;

/**
 * A bound Java value as the canonical value its class stands for, before any column type is known
 * (a parameter's type is only settled when the statement runs): Integer to Long, java.sql.Date to
 * LocalDate, an Instant to a UTC OffsetDateTime.
 */
final class Canonical {
  private Canonical() {}

  /** The canonical value of {@code x}; null when no canonical class stands for its class. */
  static Object of(Object x) throws SQLException {
    if (x instanceof String
        || x instanceof Long
        || x instanceof Boolean
        || x instanceof Double
        || x instanceof BigDecimal) {
      return x;
    }
    if (x instanceof Integer || x instanceof Short || x instanceof Byte) {
      return ((Number) x).longValue();
    }
    if (x instanceof Float f) {
      return f.doubleValue();
    }
    if (x instanceof BigInteger i) {
      return new BigDecimal(i);
    }
    if (x instanceof Character || x instanceof UUID) {
      return x.toString();
    }
    if (x instanceof byte[] b) {
      return b.clone(); // the caller may reuse its array before the statement runs
    }
    if (x instanceof float[] f) {
      return f.clone();
    }
    if (x instanceof Blob b) {
      return b.getBytes(1, Math.toIntExact(b.length()));
    }
    if (x instanceof Clob c) {
      return c.getSubString(1, Math.toIntExact(c.length()));
    }
    Object t = LegacyTime.toJavaTime(x);
    if (t instanceof OffsetDateTime o) {
      return ZonedTimestampCodec.utc(o);
    }
    if (t instanceof OffsetTime o) {
      return TimeCodec.utc(o);
    }
    return t instanceof Temporal ? t : null; // LocalDate, LocalTime, LocalDateTime
  }
}
