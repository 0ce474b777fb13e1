package io.pluresdb.vector;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * The two external forms of a vector: text {@code [1,2.5,-3]} (what users write) and float32
 * little-endian bytes (what a {@code VECTOR} column stores in SQLite).
 *
 * <p>Stateless and thread-safe.
 */
public final class VectorCodec {
  private VectorCodec() {}

  /** float32 little-endian, 4 bytes per dimension. */
  public static byte[] toBytes(float[] v) {
    ByteBuffer b = ByteBuffer.allocate(v.length * 4).order(ByteOrder.LITTLE_ENDIAN);
    b.asFloatBuffer().put(v);
    return b.array();
  }

  /** Reads {@link #toBytes}'s form; a length that is not a multiple of 4 is refused. */
  public static float[] fromBytes(byte[] bytes) {
    if (bytes.length % 4 != 0) {
      throw new VectorException(
          VectorException.Reason.FORMAT,
          "a vector is 4 bytes per dimension, got " + bytes.length + " bytes");
    }
    float[] v = new float[bytes.length / 4];
    ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(v);
    return v;
  }

  /** Parses {@code [1, 2.5, -3]}: brackets, comma-separated finite numbers, blanks allowed. */
  public static float[] parse(String text) {
    String t = text.trim();
    if (t.length() < 2 || t.charAt(0) != '[' || t.charAt(t.length() - 1) != ']') {
      throw badText(text);
    }
    String body = t.substring(1, t.length() - 1).trim();
    if (body.isEmpty()) {
      return new float[0];
    }
    String[] parts = body.split(",", -1);
    float[] v = new float[parts.length];
    for (int i = 0; i < parts.length; i++) {
      try {
        v[i] = Float.parseFloat(parts[i].trim());
      } catch (NumberFormatException e) {
        throw badText(text);
      }
      if (!Float.isFinite(v[i])) {
        throw badText(text);
      }
    }
    return v;
  }

  /** The text form, {@code [1.0,2.5,-3.0]}. */
  public static String format(float[] v) {
    StringBuilder s = new StringBuilder(v.length * 8).append('[');
    for (int i = 0; i < v.length; i++) {
      if (i > 0) {
        s.append(',');
      }
      s.append(v[i]);
    }
    return s.append(']').toString();
  }

  private static VectorException badText(String text) {
    String shown = text.length() > 60 ? text.substring(0, 60) + "…" : text;
    return new VectorException(
        VectorException.Reason.FORMAT,
        "'" + shown + "' is not a vector (expected '[1,2,3]': numbers in brackets)");
  }
}
