package io.pluresdb.crdt.value;

import io.pluresdb.crdt.schema.ColumnType;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;

/** DATE: a LocalDate, stored as {@code yyyy-MM-dd}; a date-time gives its date. */
final class DateCodec extends ValueCodec {
  DateCodec() {
    super(ColumnType.DATE);
  }

  @Override
  Object assign(Object v, Object what) throws SQLException {
    LocalDate d = date(v);
    if (d == null) {
      throw Failures.wrong(v, type(), what);
    }
    return d;
  }

  @Override
  Object convert(Object v, String what) {
    return date(v); // a getter asks the same question as an assignment here
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
