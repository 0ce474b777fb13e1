package io.pluresdb.crdt.value;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.util.Locale;

/** The fixed ISO-8601 text forms of dates and times stored in SQLite (sortable as text). */
final class TimeText {
  private TimeText() {}

  /**
   * {@code HH:mm:ss[.fffffffff]} as parsed; seconds are optional (as in ISO-8601). Written by
   * {@link #time}, always with seconds, so that stored times sort as text.
   */
  static final DateTimeFormatter TIME =
      new DateTimeFormatterBuilder()
          .appendPattern("HH:mm")
          .optionalStart()
          .appendPattern(":ss")
          .optionalStart()
          .appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true)
          .optionalEnd()
          .optionalEnd()
          .toFormatter(Locale.ROOT);

  static final DateTimeFormatter TIMESTAMP =
      new DateTimeFormatterBuilder()
          .append(DateTimeFormatter.ISO_LOCAL_DATE)
          .optionalStart()
          .appendLiteral(' ')
          .optionalEnd()
          .optionalStart()
          .appendLiteral('T')
          .optionalEnd()
          .append(TIME)
          .toFormatter(Locale.ROOT);

  static final DateTimeFormatter TIMESTAMP_TZ =
      new DateTimeFormatterBuilder()
          .append(TIMESTAMP)
          .optionalStart()
          .appendLiteral(' ')
          .optionalEnd()
          .appendOffset("+HH:MM", "Z")
          .toFormatter(Locale.ROOT);

  static String date(LocalDate d) {
    int y = d.getYear();
    if (y < 0 || y > 9999) {
      return d.toString();
    }
    // hand-formatted: dates are bound on every inserted row and LocalDate.toString is slow
    char[] c = new char[10];
    c[0] = (char) ('0' + y / 1000);
    c[1] = (char) ('0' + y / 100 % 10);
    c[2] = (char) ('0' + y / 10 % 10);
    c[3] = (char) ('0' + y % 10);
    c[4] = '-';
    c[5] = (char) ('0' + d.getMonthValue() / 10);
    c[6] = (char) ('0' + d.getMonthValue() % 10);
    c[7] = '-';
    c[8] = (char) ('0' + d.getDayOfMonth() / 10);
    c[9] = (char) ('0' + d.getDayOfMonth() % 10);
    return new String(c);
  }

  /**
   * {@code HH:mm:ss}, and a fraction when there is one in at least milliseconds, as SQLite's date
   * and time functions write it ({@code 12:00:00.250}, {@code 12:00:00.000001}).
   */
  static String time(LocalTime t) {
    char[] c = {
      (char) ('0' + t.getHour() / 10),
      (char) ('0' + t.getHour() % 10),
      ':',
      (char) ('0' + t.getMinute() / 10),
      (char) ('0' + t.getMinute() % 10),
      ':',
      (char) ('0' + t.getSecond() / 10),
      (char) ('0' + t.getSecond() % 10)
    };
    int nano = t.getNano();
    if (nano == 0) {
      return new String(c);
    }
    String digits = Integer.toString(1_000_000_000 + nano).substring(1);
    int end = digits.length();
    while (end > 3 && digits.charAt(end - 1) == '0') {
      end--;
    }
    return new String(c) + '.' + digits.substring(0, end);
  }

  static String timestamp(LocalDateTime t) {
    return date(t.toLocalDate()) + ' ' + time(t.toLocalTime());
  }

  static String timestampTz(OffsetDateTime t) {
    return timestamp(t.withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime()) + 'Z';
  }

  /**
   * A date, also from the date part of a timestamp's text; the whole text is tried first, for years
   * beyond 9999 ({@code +10000-01-01}).
   */
  static LocalDate parseDate(String s) {
    String x = s.trim();
    try {
      return LocalDate.parse(x);
    } catch (DateTimeParseException e) {
      if (x.length() <= 10) {
        throw e;
      }
      return LocalDate.parse(x.substring(0, 10));
    }
  }

  static LocalTime parseTime(String s) {
    return LocalTime.parse(s.trim(), TIME);
  }

  static LocalDateTime parseTimestamp(String s) {
    String t = s.trim();
    if (t.length() == 10) {
      return LocalDate.parse(t).atStartOfDay();
    }
    return LocalDateTime.parse(t, TIMESTAMP);
  }

  /** A zoned timestamp's text, moved to UTC (the canonical offset). */
  static OffsetDateTime parseTimestampTz(String s) {
    return parseOffsetTimestamp(s).withOffsetSameInstant(ZoneOffset.UTC);
  }

  /** A zoned timestamp's text, keeping the offset it was written with. */
  static OffsetDateTime parseOffsetTimestamp(String s) {
    return OffsetDateTime.parse(s.trim(), TIMESTAMP_TZ);
  }
}
