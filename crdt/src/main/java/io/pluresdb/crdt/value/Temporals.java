package io.pluresdb.crdt.value;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;

/**
 * JDBC date and time values to canonical java.time values. Legacy java.sql and java.util types are
 * read in the JVM's zone, as JDBC specifies; an unsupported class raises ClassCastException, which
 * {@link Coercion} reports with the column's name.
 */
final class Temporals {
  private Temporals() {}

  /** Legacy java.sql/java.util types to java.time, in the JVM's zone as JDBC specifies. */
  static Object legacy(Object v) {
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

  static LocalDate date(Object v) {
    Object t = legacy(v);
    if (t instanceof LocalDate d) {
      return d;
    }
    if (t instanceof LocalDateTime d) {
      return d.toLocalDate();
    }
    if (t instanceof OffsetDateTime d) {
      return d.toLocalDate();
    }
    if (t instanceof String s) {
      String x = s.trim();
      return LocalDate.parse(x.length() > 10 ? x.substring(0, 10) : x);
    }
    throw new ClassCastException();
  }

  static LocalTime time(Object v) {
    Object t = legacy(v);
    if (t instanceof LocalTime d) {
      return d;
    }
    if (t instanceof LocalDateTime d) {
      return d.toLocalTime();
    }
    if (t instanceof OffsetTime d) {
      return d.toLocalTime();
    }
    if (t instanceof OffsetDateTime d) {
      return d.toLocalTime();
    }
    if (t instanceof String s) {
      return TimeText.parseTime(s);
    }
    throw new ClassCastException();
  }

  static LocalDateTime timestamp(Object v) {
    Object t = legacy(v);
    if (t instanceof LocalDateTime d) {
      return d;
    }
    if (t instanceof LocalDate d) {
      return d.atStartOfDay();
    }
    if (t instanceof OffsetDateTime d) {
      return LocalDateTime.ofInstant(d.toInstant(), ZoneId.systemDefault());
    }
    if (t instanceof String s) {
      return TimeText.parseTimestamp(s);
    }
    throw new ClassCastException();
  }

  static OffsetDateTime timestampTz(Object v) {
    Object t = legacy(v);
    if (t instanceof OffsetDateTime d) {
      return d.withOffsetSameInstant(ZoneOffset.UTC);
    }
    if (t instanceof LocalDateTime d) {
      return d.atZone(ZoneId.systemDefault())
          .toOffsetDateTime()
          .withOffsetSameInstant(ZoneOffset.UTC);
    }
    if (t instanceof LocalDate d) {
      return timestampTz(d.atStartOfDay());
    }
    if (t instanceof String s) {
      try {
        return TimeText.parseTimestampTz(s);
      } catch (DateTimeParseException e) {
        return timestampTz(TimeText.parseTimestamp(s));
      }
    }
    throw new ClassCastException();
  }
}
