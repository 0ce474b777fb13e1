package io.pluresdb.crdt.value;

import io.pluresdb.crdt.schema.ColumnType;
import java.math.BigDecimal;
import java.sql.SQLException;

/**
 * A column declared without a type ({@link ColumnType#ANY}): as in a SQLite column of BLOB ("none")
 * affinity, a value keeps its storage class. Integers stay integers, reals reals, text text, blobs
 * blobs; what SQLite has no class for becomes the class SQLite would store: a boolean its 0 or 1, a
 * decimal its integer or real, a date or time its text.
 */
final class AnyCodec extends ValueCodec {
  AnyCodec() {
    super(ColumnType.ANY);
  }

  @Override
  Object assign(Object v, Object what) throws SQLException {
    Object c = Canonical.of(v);
    return stored(c == null ? v : c);
  }

  @Override
  Object convert(Object v, Object what) throws SQLException {
    return assign(v, what);
  }

  /** The SQLite storage class of a canonical value. */
  private static Object stored(Object v) {
    if (v instanceof Long || v instanceof Double || v instanceof String || v instanceof byte[]) {
      return v;
    }
    if (v instanceof Boolean b) {
      return b ? 1L : 0L;
    }
    if (v instanceof BigDecimal d) {
      // written with a point (1.0) it is a real in SQLite, without one an integer
      if (d.scale() <= 0) {
        try {
          return d.longValueExact();
        } catch (ArithmeticException tooBig) {
          return d.doubleValue();
        }
      }
      return d.doubleValue();
    }
    return textOf(v);
  }

  @Override
  String text(Object canonical) {
    return textOf(canonical);
  }
}
