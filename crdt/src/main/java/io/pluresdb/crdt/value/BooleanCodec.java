package io.pluresdb.crdt.value;

import io.pluresdb.crdt.error.Errors;
import io.pluresdb.crdt.error.SqlState;
import io.pluresdb.crdt.schema.ColumnType;
import java.sql.SQLException;
import java.util.Locale;

/** BOOLEAN: a Boolean, stored as 1 or 0; numbers and the usual words convert. */
final class BooleanCodec extends ValueCodec {
  BooleanCodec() {
    super(ColumnType.BOOLEAN);
  }

  @Override
  Object assign(Object v, Object what) throws SQLException {
    Boolean b = truth(v);
    if (b == null) {
      throw v instanceof String
          ? Errors.of(SqlState.INVALID_TEXT_REPRESENTATION, Failures.mismatch(v, type(), what))
          : Failures.wrong(v, type(), what);
    }
    return b;
  }

  @Override
  Object convert(Object v, Object what) {
    return truth(v);
  }

  /** The truth of a boolean, a number (non-zero) or a word; null for anything else. */
  private static Boolean truth(Object v) {
    if (v instanceof Boolean b) {
      return b;
    }
    if (v instanceof Number n) {
      return n.doubleValue() != 0;
    }
    if (v instanceof String s) {
      return switch (s.trim().toLowerCase(Locale.ROOT)) {
        case "true", "t", "yes", "y", "on", "1" -> true;
        case "false", "f", "no", "n", "off", "0" -> false;
        default -> null;
      };
    }
    return null;
  }

  @Override
  public Object toStored(Object canonical) {
    return canonical == null ? null : ((Boolean) canonical) ? 1L : 0L;
  }
}
