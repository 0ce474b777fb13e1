package io.pluresdb.crdt.value;

import io.pluresdb.crdt.schema.ColumnType;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;

/** DATE: a LocalDate, stored as {@code yyyy-MM-dd}; a date-time gives its date. */
final class DateCodec extends ValueCodec {
  DateCodec() {
    super(ColumnType.DATE);
  }

  @Override
  Object convert(Object v, Object what) {
    return date(v); // an assignment asks the same question (see ValueCodec.assign)
  }

  private static LocalDate date(Object v) {
    Object t = LegacyTime.toJavaTime(v);
    if (t instanceof LocalDate d) {
      return d;
    }
    if (t instanceof LocalDateTime d) {
      return d.toLocalDate();
    }
    if (t instanceof OffsetDateTime d) {
      return d.toLocalDate();
    }
    return t instanceof String s ? TimeText.parseDate(s) : null;
  }

  @Override
  public Object toStored(Object canonical) {
    return canonical == null ? null : TimeText.date((LocalDate) canonical);
  }
}
