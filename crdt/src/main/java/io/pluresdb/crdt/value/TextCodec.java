package io.pluresdb.crdt.value;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.pluresdb.crdt.error.Errors;
import io.pluresdb.crdt.error.SqlState;
import io.pluresdb.crdt.schema.ColumnType;
import java.io.IOException;
import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.LocalTime;

/**
 * CHAR, VARCHAR, CLOB and JSON: a String. JSON is checked to parse when assigned. A declared length
 * ({@code VARCHAR(16)}) is not enforced: SQLite ignores it and stores the value whole, and so does
 * PluresDB; metadata still reports it.
 */
final class TextCodec extends ValueCodec {
  TextCodec(ColumnType type) {
    super(type);
  }

  @Override
  Object assign(Object v, Object what) throws SQLException {
    String s = assignedText(v, what);
    if (type() == ColumnType.JSON || type() == ColumnType.MERGEABLE_JSON) {
      try {
        JsonCheck.MAPPER.readTree(s);
      } catch (IOException e) {
        throw Errors.of(
            SqlState.INVALID_TEXT_REPRESENTATION,
            what + " is JSON, got invalid JSON '" + s + "'",
            e);
      }
    }
    return s;
  }

  private String assignedText(Object v, Object what) throws SQLException {
    if (v instanceof String s) {
      return s;
    }
    if (v instanceof BigDecimal d) {
      return d.toPlainString();
    }
    if (v instanceof Number || v instanceof Boolean || v instanceof Character) {
      return v.toString();
    }
    if (v instanceof java.sql.Clob c) {
      return c.getSubString(1, (int) c.length());
    }
    if (v instanceof byte[] || v instanceof float[]) {
      throw Failures.wrong(v, type(), what); // no text form is obviously meant
    }
    Object t = LegacyTime.toJavaTime(v);
    // date-times take their stored form, so that text and temporal columns compare alike
    if (t instanceof LocalDateTime ldt) {
      return TimeText.timestamp(ldt);
    }
    if (t instanceof LocalTime lt) {
      return TimeText.time(lt);
    }
    return t.toString();
  }

  /**
   * Holds the JSON parser apart, so that only a JSON column's first value loads it: creating an
   * {@link ObjectMapper} loads several hundred classes, which every text column would otherwise pay
   * for at a cold start.
   */
  private static final class JsonCheck {
    static final ObjectMapper MAPPER = new ObjectMapper();
  }

  @Override
  Object convert(Object v, Object what) {
    return ValueCodec.textOf(v);
  }

  @Override
  public Object fromStored(Object stored) throws SQLException {
    // already checked when written; reads skip length and JSON validation
    return stored instanceof String ? stored : super.fromStored(stored);
  }
}
