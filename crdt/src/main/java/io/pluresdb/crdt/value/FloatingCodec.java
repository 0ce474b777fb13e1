package io.pluresdb.crdt.value;

import io.pluresdb.crdt.schema.ColumnType;
import java.sql.SQLException;

/** REAL and DOUBLE: a Double (REAL keeps double precision; only JDBC reads it as a float). */
final class FloatingCodec extends ValueCodec {
  FloatingCodec(ColumnType type) {
    super(type);
  }

  @Override
  Object assign(Object v, Object what) throws SQLException {
    Double d = Numbers.floating(v);
    if (d == null) {
      throw Failures.wrong(v, type(), what);
    }
    return d;
  }

  @Override
  Object convert(Object v, Object what) {
    return Numbers.floating(v);
  }

  @Override
  String name() {
    return "DOUBLE"; // getters convert every floating value through double
  }
}
