package io.pluresdb.crdt.op;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** Canonical values as typed, tagged bytes: one tag byte, then a compact body. */
public final class ValueCodec {
  private static final int NULL = 0;
  private static final int FALSE = 1;
  private static final int TRUE = 2;
  private static final int LONG = 3;
  private static final int DOUBLE = 4;
  private static final int DECIMAL = 5;
  private static final int STRING = 6;
  private static final int BYTES = 7;
  private static final int DATE = 8;
  private static final int TIME = 9;
  private static final int TIMESTAMP = 10;
  private static final int TIMESTAMP_TZ = 11;
  private static final int VECTOR = 12;

  private ValueCodec() {}

  public static void write(ByteSink out, Object v) {
    if (v == null) {
      out.write(NULL);
    } else if (v instanceof Boolean b) {
      out.write(b ? TRUE : FALSE);
    } else if (v instanceof Long l) {
      out.write(LONG);
      out.svarint(l);
    } else if (v instanceof Double d) {
      out.write(DOUBLE);
      out.fixed64(Double.doubleToRawLongBits(d));
    } else if (v instanceof BigDecimal d) {
      out.write(DECIMAL);
      out.svarint(d.scale());
      out.bytes(d.unscaledValue().toByteArray());
    } else if (v instanceof String s) {
      out.write(STRING);
      out.string(s);
    } else if (v instanceof byte[] b) {
      out.write(BYTES);
      out.bytes(b);
    } else if (v instanceof LocalDate d) {
      out.write(DATE);
      out.svarint(d.toEpochDay());
    } else if (v instanceof LocalTime t) {
      out.write(TIME);
      out.varint(t.toNanoOfDay());
    } else if (v instanceof LocalDateTime t) {
      out.write(TIMESTAMP);
      out.svarint(t.toEpochSecond(ZoneOffset.UTC));
      out.varint(t.getNano());
    } else if (v instanceof OffsetDateTime t) {
      out.write(TIMESTAMP_TZ);
      out.svarint(t.toEpochSecond());
      out.varint(t.getNano());
    } else if (v instanceof float[] f) {
      out.write(VECTOR);
      out.varint(f.length);
      for (float x : f) {
        int bits = Float.floatToRawIntBits(x);
        out.write(bits >>> 24);
        out.write(bits >>> 16);
        out.write(bits >>> 8);
        out.write(bits);
      }
    } else {
      throw new IllegalArgumentException(
          "not a canonical value: " + v.getClass().getName() + " " + v);
    }
  }

  public static Object read(ByteSource in) {
    int tag = in.read();
    return switch (tag) {
      case NULL -> null;
      case FALSE -> Boolean.FALSE;
      case TRUE -> Boolean.TRUE;
      case LONG -> in.svarint();
      case DOUBLE -> Double.longBitsToDouble(in.fixed64());
      case DECIMAL -> {
        int scale = (int) in.svarint();
        yield new BigDecimal(new BigInteger(in.bytes()), scale);
      }
      case STRING -> in.string();
      case BYTES -> in.bytes();
      case DATE -> LocalDate.ofEpochDay(in.svarint());
      case TIME -> LocalTime.ofNanoOfDay(in.varint());
      case TIMESTAMP ->
          LocalDateTime.ofEpochSecond(in.svarint(), (int) in.varint(), ZoneOffset.UTC);
      case TIMESTAMP_TZ ->
          OffsetDateTime.ofInstant(
              java.time.Instant.ofEpochSecond(in.svarint(), in.varint()), ZoneOffset.UTC);
      case VECTOR -> {
        int n = in.length();
        float[] f = new float[n];
        for (int i = 0; i < n; i++) {
          f[i] =
              Float.intBitsToFloat(in.read() << 24 | in.read() << 16 | in.read() << 8 | in.read());
        }
        yield f;
      }
      default -> throw new IllegalArgumentException("unknown value tag " + tag);
    };
  }
}
