package io.pluresdb.crdt.value;

import io.pluresdb.crdt.error.Errors;
import io.pluresdb.crdt.error.SqlState;
import io.pluresdb.crdt.schema.ColumnType;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.HexFormat;

/**
 * BINARY, VARBINARY and BLOB: a byte[]. Assigned text is UTF-8, or hex after PostgreSQL's {@code
 * \x} prefix; {@code getString} shows hex.
 */
final class BinaryCodec extends ValueCodec {
  BinaryCodec(ColumnType type) {
    super(type);
  }

  @Override
  Object assign(Object v, Object what) throws SQLException {
    if (v instanceof byte[] a) {
      return a;
    }
    if (v instanceof java.sql.Blob blob) {
      return blob.getBytes(1, (int) blob.length());
    }
    if (v instanceof String s) {
      return s.startsWith("\\x")
          ? HexFormat.of().parseHex(s.substring(2))
          : s.getBytes(StandardCharsets.UTF_8);
    }
    throw Failures.wrong(v, type(), what);
  }

  @Override
  Object fit(Object canonical, int precision, int scale, Object what) throws SQLException {
    byte[] b = (byte[]) canonical;
    if (precision > 0 && b.length > precision) {
      throw Errors.of(
          SqlState.STRING_DATA_RIGHT_TRUNCATION,
          what + " is " + type() + "(" + precision + "), got " + b.length + " bytes");
    }
    return b;
  }

  @Override
  Object convert(Object v, Object what) {
    if (v instanceof byte[] b) {
      return b.clone(); // a getter's caller may change the array
    }
    // a getter reads text as its UTF-8 bytes: the \x form is only for assignment
    return v instanceof String s ? s.getBytes(StandardCharsets.UTF_8) : null;
  }

  @Override
  String name() {
    return "VARBINARY";
  }

  @Override
  String text(Object canonical) {
    return HexFormat.of().formatHex((byte[]) canonical);
  }
}
