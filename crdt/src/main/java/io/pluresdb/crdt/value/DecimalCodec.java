package io.pluresdb.crdt.value;

import io.pluresdb.crdt.error.Errors;
import io.pluresdb.crdt.error.SqlState;
import io.pluresdb.crdt.schema.ColumnType;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.SQLException;

/**
 * DECIMAL(p, s): a BigDecimal, stored as its plain text in a NUMERIC column so SQLite keeps it as a
 * number whenever that is lossless.
 */
final class DecimalCodec extends ValueCodec {
  DecimalCodec() {
    super(ColumnType.DECIMAL);
  }

  @Override
  Object assign(Object v, Object what) throws SQLException {
    BigDecimal d = v instanceof Boolean ? null : Numbers.exact(v);
    if (d == null) {
      throw Failures.wrong(v, type(), what);
    }
    return d;
  }

  @Override
  Object fit(Object canonical, int precision, int scale, Object what) throws SQLException {
    if (precision <= 0) {
      return canonical;
    }
    BigDecimal d = ((BigDecimal) canonical).setScale(scale, RoundingMode.HALF_UP);
    if (d.precision() - d.scale() > precision - scale) {
      throw Errors.of(
          SqlState.NUMERIC_VALUE_OUT_OF_RANGE,
          what
              + " is DECIMAL("
              + precision
              + ","
              + scale
              + "), value "
              + canonical
              + " does not fit");
    }
    return d;
  }

  @Override
  Object convert(Object v, Object what) {
    return Numbers.exactOrNull(v);
  }

  @Override
  public Object toStored(Object canonical) {
    return canonical == null ? null : ((BigDecimal) canonical).toPlainString();
  }

  @Override
  String text(Object canonical) {
    return ((BigDecimal) canonical).toPlainString();
  }
}
