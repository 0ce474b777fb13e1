package io.pluresdb.crdt.value;

import io.pluresdb.crdt.schema.ColumnType;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * TIMESTAMP WITH TIME ZONE: an instant, kept as a UTC OffsetDateTime and stored as {@code
 * yyyy-MM-dd HH:mm:ss[.f]Z}, so stored values sort by instant.
 */
final class ZonedTimestampCodec extends ValueCodec {
  ZonedTimestampCodec() {
    super(ColumnType.TIMESTAMP_WITH_TIME_ZONE);
  }

  @Override
  Object assign(Object v, Object what) throws SQLException {
    Object t = parsed(LegacyTime.toJavaTime(v));
    if (t instanceof OffsetDateTime d) {
      return utc(d);
    }
    LocalDateTime l = TimestampCodec.local(t);
    if (l == null) {
      throw Failures.wrong(v, type(), what);
    }
    // a local date-time assigned to an instant is read in the JVM's zone, as setTimestamp does
    return utc(l.atZone(ZoneId.systemDefault()).toOffsetDateTime());
  }

  @Override
  Object convert(Object v, Object what) {
    Object t = parsed(LegacyTime.toJavaTime(v));
    if (t instanceof OffsetDateTime d) {
      return d; // a getter keeps the offset it was given
    }
    // a getter takes a local date-time as UTC: the JVM's zone says nothing about stored values
    LocalDateTime l = TimestampCodec.local(t);
    return l == null ? null : l.atOffset(ZoneOffset.UTC);
  }

  /**
   * Text with an offset as its OffsetDateTime, without one as its LocalDateTime; else {@code t}.
   */
  private static Object parsed(Object t) {
    if (!(t instanceof String s)) {
      return t;
    }
    try {
      return TimeText.parseOffsetTimestamp(s);
    } catch (DateTimeParseException e) {
      return TimeText.parseTimestamp(s); // no offset (or not a timestamp, which this reports)
    }
  }

  @Override
  String name() {
    return "TIMESTAMP WITH TIME ZONE";
  }

  /** The same instant at the canonical offset, UTC. */
  static OffsetDateTime utc(OffsetDateTime t) {
    return t.withOffsetSameInstant(ZoneOffset.UTC);
  }

  @Override
  public Object toStored(Object canonical) {
    return canonical == null ? null : TimeText.timestampTz((OffsetDateTime) canonical);
  }

  @Override
  public Object fromStored(Object stored) throws SQLException {
    // stored text always carries its offset; anything else is checked as an assignment
    return stored instanceof String s ? TimeText.parseTimestampTz(s) : super.fromStored(stored);
  }
}
