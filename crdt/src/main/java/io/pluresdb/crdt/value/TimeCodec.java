package io.pluresdb.crdt.value;

import io.pluresdb.crdt.schema.ColumnType;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.ZoneOffset;

/**
 * TIME: a LocalTime, stored as {@code HH:mm:ss[.fffffffff]}; a date-time gives its time of day, a
 * time with an offset its time in UTC (the offset every zoned value is kept in).
 */
final class TimeCodec extends ValueCodec {
  TimeCodec() {
    super(ColumnType.TIME);
  }

  @Override
  Object convert(Object v, Object what) {
    return time(v);
  }

  private static LocalTime time(Object v) {
    Object t = LegacyTime.toJavaTime(v);
    if (t instanceof LocalTime d) {
      return d;
    }
    if (t instanceof LocalDateTime d) {
      return d.toLocalTime();
    }
    if (t instanceof OffsetTime d) {
      return utc(d);
    }
    if (t instanceof OffsetDateTime d) {
      return d.toLocalTime();
    }
    return t instanceof String s ? TimeText.parseTime(s) : null;
  }

  /** A time with an offset as the UTC time of day. */
  static LocalTime utc(OffsetTime t) {
    return t.withOffsetSameInstant(ZoneOffset.UTC).toLocalTime();
  }

  @Override
  public Object toStored(Object canonical) {
    return canonical == null ? null : TimeText.time((LocalTime) canonical);
  }

  /** The stored text, as SQLite shows it: seconds always ({@code 10:00:00}, not {@code 10:00}). */
  @Override
  String text(Object canonical) {
    return TimeText.time((LocalTime) canonical);
  }
}
