package io.pluresdb.driver.value;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Calendar;

/**
 * The {@code java.sql.Date/Time/Timestamp} getters and setters that take a {@link Calendar}: the
 * calendar's time zone is the zone in which the stored local date-time is read or written.
 *
 * <p>Stateless and thread-safe.
 */
public final class LegacyDates {
  private LegacyDates() {}

  private static ZoneId zone(Calendar cal) {
    return cal == null ? ZoneId.systemDefault() : cal.getTimeZone().toZoneId();
  }

  public static java.sql.Date toSqlDate(LocalDate d, Calendar cal) {
    if (cal == null) {
      return java.sql.Date.valueOf(d);
    }
    return new java.sql.Date(d.atStartOfDay(zone(cal)).toInstant().toEpochMilli());
  }

  public static java.sql.Time toSqlTime(LocalTime t, Calendar cal) {
    if (cal == null) {
      return java.sql.Time.valueOf(t);
    }
    Instant i = t.atDate(LocalDate.of(1970, 1, 1)).atZone(zone(cal)).toInstant();
    return new java.sql.Time(i.toEpochMilli());
  }

  public static java.sql.Timestamp toSqlTimestamp(LocalDateTime t, Calendar cal) {
    if (cal == null) {
      return java.sql.Timestamp.valueOf(t);
    }
    return java.sql.Timestamp.from(t.atZone(zone(cal)).toInstant());
  }

  public static LocalDate fromSqlDate(java.sql.Date d, Calendar cal) {
    if (cal == null) {
      return d.toLocalDate();
    }
    // java.sql.Date.toInstant() throws; its millisecond value is the instant.
    return Instant.ofEpochMilli(d.getTime()).atZone(zone(cal)).toLocalDate();
  }

  public static LocalTime fromSqlTime(java.sql.Time t, Calendar cal) {
    if (cal == null) {
      return t.toLocalTime();
    }
    return Instant.ofEpochMilli(t.getTime()).atZone(zone(cal)).toLocalTime();
  }

  public static LocalDateTime fromSqlTimestamp(java.sql.Timestamp t, Calendar cal) {
    if (cal == null) {
      return t.toLocalDateTime();
    }
    return t.toInstant().atZone(zone(cal)).toLocalDateTime();
  }
}
