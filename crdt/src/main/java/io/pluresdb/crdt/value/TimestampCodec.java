package io.pluresdb.crdt.value;

import io.pluresdb.crdt.schema.ColumnType;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;

/**
 * TIMESTAMP: a LocalDateTime, stored as {@code yyyy-MM-dd HH:mm:ss[.fffffffff]}; a date is its
 * midnight. {@code getString} shows the stored text, as SQLite shows the same value ({@code
 * 2024-01-02 03:04:05}, a fraction only when there is one, in at least milliseconds as SQLite's
 * functions write it: {@code .250}), not {@code Timestamp.toString}'s {@code .0}.
 */
final class TimestampCodec extends ValueCodec {
  TimestampCodec() {
    super(ColumnType.TIMESTAMP);
  }

  @Override
  Object assign(Object v, Object what) throws SQLException {
    Object t = LegacyTime.toJavaTime(v);
    if (t instanceof OffsetDateTime d) {
      // an instant stored in a zone-less column keeps the JVM's wall-clock time, as setTimestamp
      return LocalDateTime.ofInstant(d.toInstant(), ZoneId.systemDefault());
    }
    LocalDateTime l = local(t);
    if (l == null) {
      throw Failures.wrong(v, type(), what);
    }
    return l;
  }

  @Override
  Object convert(Object v, Object what) {
    Object t = LegacyTime.toJavaTime(v);
    // a getter shows a zoned value's own (UTC) wall-clock time, as getObject(OffsetDateTime) would
    return t instanceof OffsetDateTime d ? d.toLocalDateTime() : local(t);
  }

  /** A local date-time, a date (its midnight) or their text; null for anything else. */
  static LocalDateTime local(Object t) {
    if (t instanceof LocalDateTime d) {
      return d;
    }
    if (t instanceof LocalDate d) {
      return d.atStartOfDay();
    }
    return t instanceof String s ? TimeText.parseTimestamp(s) : null;
  }

  @Override
  public Object toStored(Object canonical) {
    return canonical == null ? null : TimeText.timestamp((LocalDateTime) canonical);
  }

  @Override
  String text(Object canonical) {
    return TimeText.timestamp((LocalDateTime) canonical);
  }
}
