package io.pluresdb.crdt.value;

import io.pluresdb.crdt.error.Errors;
import io.pluresdb.crdt.error.SqlState;
import io.pluresdb.crdt.schema.ColumnType;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.sql.SQLException;
import java.util.List;

/**
 * VECTOR(n): a float[] of n dimensions, stored as little-endian float32 (the layout the vector
 * index reads); its text is {@code [1.0,2.5]}.
 */
final class VectorValueCodec extends ValueCodec {
  VectorValueCodec() {
    super(ColumnType.VECTOR);
  }

  @Override
  Object assign(Object v, Object what) throws SQLException {
    if (v instanceof float[] a) {
      return a.clone();
    }
    if (v instanceof double[] a) {
      float[] f = new float[a.length];
      for (int i = 0; i < a.length; i++) {
        f[i] = (float) a[i];
      }
      return f;
    }
    if (v instanceof byte[] b) {
      return floats(b);
    }
    if (v instanceof List<?> l) {
      float[] f = new float[l.size()];
      for (int i = 0; i < f.length; i++) {
        f[i] = ((Number) l.get(i)).floatValue();
      }
      return f;
    }
    if (v instanceof String s) {
      float[] f = parse(s);
      if (f == null) {
        throw Errors.of(
            SqlState.INVALID_TEXT_REPRESENTATION,
            what + " is VECTOR, got '" + s + "' (expected '[1,2,3]')");
      }
      return f;
    }
    throw Failures.wrong(v, type(), what);
  }

  @Override
  Object fit(Object canonical, int precision, int scale, Object what) throws SQLException {
    float[] f = (float[]) canonical;
    if (precision > 0 && f.length != precision) {
      throw Errors.of(
          SqlState.DATA_EXCEPTION,
          what + " is VECTOR(" + precision + "), got " + f.length + " dimensions");
    }
    return f;
  }

  @Override
  Object convert(Object v, Object what) {
    if (v instanceof float[] f) {
      return f.clone();
    }
    return v instanceof String s ? parse(s) : null;
  }

  /**
   * The text form {@code [1, 2.5]}; null when not bracketed.
   *
   * @throws NumberFormatException for an element that is not a number
   */
  private static float[] parse(String s) {
    String t = s.trim();
    if (!t.startsWith("[") || !t.endsWith("]")) {
      return null;
    }
    String body = t.substring(1, t.length() - 1).trim();
    String[] parts = body.isEmpty() ? new String[0] : body.split(",");
    float[] f = new float[parts.length];
    for (int i = 0; i < parts.length; i++) {
      f[i] = Float.parseFloat(parts[i].trim());
    }
    return f;
  }

  @Override
  public Object toStored(Object canonical) {
    return canonical == null ? null : bytes((float[]) canonical);
  }

  @Override
  public Object fromStored(Object stored) throws SQLException {
    return stored instanceof byte[] b ? floats(b) : super.fromStored(stored);
  }

  @Override
  String text(Object canonical) {
    float[] f = (float[]) canonical;
    StringBuilder s = new StringBuilder("[");
    for (int i = 0; i < f.length; i++) {
      s.append(i == 0 ? "" : ",").append(f[i]);
    }
    return s.append(']').toString();
  }

  /** A vector's stored form: little-endian float32. */
  static byte[] bytes(float[] v) {
    ByteBuffer b = ByteBuffer.allocate(v.length * 4).order(ByteOrder.LITTLE_ENDIAN);
    for (float f : v) {
      b.putFloat(f);
    }
    return b.array();
  }

  /** Reads a vector's stored form. */
  static float[] floats(byte[] bytes) {
    ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    float[] v = new float[bytes.length / 4];
    for (int i = 0; i < v.length; i++) {
      v[i] = b.getFloat();
    }
    return v;
  }
}
