package io.pluresdb.crdt.value;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

/**
 * The legacy java.sql and java.util date classes, and the java.time classes no column stores, as
 * the java.time value the temporal codecs take. java.sql values keep their local fields and
 * java.util.Date is read in the JVM's zone, as JDBC specifies for calls without a Calendar.
 */
final class LegacyTime {
  private LegacyTime() {}

  /** {@code v} as java.time when it is one of those classes, else {@code v} itself. */
  static Object toJavaTime(Object v) {
    if (v instanceof java.sql.Timestamp ts) {
      return ts.toLocalDateTime();
    }
    if (v instanceof java.sql.Date d) {
      return d.toLocalDate();
    }
    if (v instanceof java.sql.Time t) {
      return t.toLocalTime();
    }
    if (v instanceof java.util.Date d) {
      return LocalDateTime.ofInstant(d.toInstant(), ZoneId.systemDefault());
    }
    if (v instanceof ZonedDateTime z) {
      return z.toOffsetDateTime();
    }
    if (v instanceof Instant i) {
      return i.atOffset(ZoneOffset.UTC);
    }
    return v;
  }
}
