package io.pluresdb.engine.processes;

import io.pluresdb.crdt.error.Errors;
import io.pluresdb.crdt.error.SqlState;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The bytes of the forwarding protocol: length-prefixed frames, and inside them strings and
 * canonical values with a one-byte tag. Decoding checks every length and tag and throws {@link
 * Malformed} for anything else, so a peer that sends garbage is told apart from one that went away.
 *
 * <p>Stateless; thread-safe.
 */
final class Wire {
  /** Protocol version a follower announces in its hello. */
  static final int VERSION = 1;

  /** The largest frame either side accepts (a batch of many rows, or a long result). */
  static final int MAX_FRAME = 64 << 20;

  private Wire() {}

  /** Input that breaks the protocol: the session that received it is closed. */
  static final class Malformed extends IOException {
    private static final long serialVersionUID = 1L;

    Malformed(String message) {
      super(message);
    }
  }

  /** Reads one frame; null at a clean end of stream. */
  static @Nullable DataInputStream readFrame(InputStream in) throws IOException {
    return readFrame(in, MAX_FRAME);
  }

  /** Reads one frame of at most {@code max} bytes; null at a clean end of stream. */
  static @Nullable DataInputStream readFrame(InputStream in, int max) throws IOException {
    byte[] body = readFrameBytes(in, max);
    return body == null ? null : new DataInputStream(new java.io.ByteArrayInputStream(body));
  }

  /** Reads the bytes of one frame of at most {@code max} bytes; null at a clean end of stream. */
  static byte @Nullable [] readFrameBytes(InputStream in, int max) throws IOException {
    DataInputStream d = new DataInputStream(in);
    int first = in.read();
    if (first < 0) {
      return null;
    }
    int length = (first << 24) | (d.readUnsignedByte() << 16) | d.readUnsignedShort();
    if (length <= 0 || length > max) {
      throw new Malformed("frame of " + length + " bytes");
    }
    byte[] body = new byte[length];
    d.readFully(body);
    return body;
  }

  /** A frame being built; {@link #send} writes it with its length. */
  static final class Frame extends DataOutputStream {
    private final int op;

    Frame(int op) throws IOException {
      super(new ByteArrayOutputStream());
      this.op = op;
      write(op);
    }

    /** The request or reply this frame carries (its first byte). */
    int op() {
      return op;
    }

    /** Writes the frame in one write: a length sent apart would wait for the peer's ACK. */
    void send(OutputStream out) throws IOException {
      byte[] body = ((ByteArrayOutputStream) this.out).toByteArray();
      byte[] frame = new byte[4 + body.length];
      ByteBuffer.wrap(frame).putInt(body.length).put(body);
      out.write(frame);
      out.flush();
    }
  }

  static void writeString(DataOutputStream out, String s) throws IOException {
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    out.writeInt(b.length);
    out.write(b);
  }

  static String readString(DataInputStream in) throws IOException {
    return new String(readBytes(in), StandardCharsets.UTF_8);
  }

  static byte[] readBytes(DataInputStream in) throws IOException {
    int n = in.readInt();
    if (n < 0 || n > in.available()) {
      throw new Malformed("a length of " + n + " past the frame");
    }
    byte[] b = new byte[n];
    in.readFully(b);
    return b;
  }

  /** A count read from a frame, checked against what the frame can still hold. */
  static int readCount(DataInputStream in) throws IOException {
    int n = in.readInt();
    if (n < 0 || n > in.available()) {
      throw new Malformed("a count of " + n + " past the frame");
    }
    return n;
  }

  static void writeStrings(DataOutputStream out, @Nullable List<String> list) throws IOException {
    out.writeInt(list == null ? -1 : list.size());
    if (list != null) {
      for (String s : list) {
        writeString(out, s);
      }
    }
  }

  static @Nullable List<String> readStrings(DataInputStream in) throws IOException {
    int n = in.readInt();
    if (n == -1) {
      return null;
    }
    if (n < 0 || n > in.available()) {
      throw new Malformed("a count of " + n + " past the frame");
    }
    List<String> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      out.add(readString(in));
    }
    return out;
  }

  static void writeValues(DataOutputStream out, List<?> values) throws IOException, SQLException {
    out.writeInt(values.size());
    for (Object v : values) {
      writeValue(out, v);
    }
  }

  static List<Object> readValues(DataInputStream in) throws IOException {
    int n = readCount(in);
    List<Object> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      out.add(readValue(in));
    }
    return out;
  }

  /** Writes a canonical value, or a JDBC value of a kind the session converts anyway. */
  static void writeValue(DataOutputStream out, @Nullable Object v)
      throws IOException, SQLException {
    if (v == null) {
      out.write(0);
    } else if (v instanceof Boolean b) {
      out.write(1);
      out.writeBoolean(b);
    } else if (v instanceof Long
        || v instanceof Integer
        || v instanceof Short
        || v instanceof Byte) {
      out.write(2);
      out.writeLong(((Number) v).longValue());
    } else if (v instanceof Double || v instanceof Float) {
      out.write(3);
      out.writeDouble(((Number) v).doubleValue());
    } else if (v instanceof BigDecimal || v instanceof BigInteger) {
      out.write(4);
      writeString(out, v instanceof BigDecimal d ? d.toString() : v.toString());
    } else if (v instanceof String || v instanceof Character) {
      out.write(5);
      writeString(out, v.toString());
    } else if (v instanceof byte[] b) {
      out.write(6);
      out.writeInt(b.length);
      out.write(b);
    } else {
      writeTemporal(out, v);
    }
  }

  private static void writeTemporal(DataOutputStream out, Object v)
      throws IOException, SQLException {
    if (v instanceof java.sql.Date d) {
      v = d.toLocalDate();
    } else if (v instanceof java.sql.Time t) {
      v = t.toLocalTime();
    } else if (v instanceof java.sql.Timestamp t) {
      v = t.toLocalDateTime();
    }
    if (v instanceof LocalDate || v instanceof LocalTime) {
      out.write(v instanceof LocalDate ? 7 : 8);
      writeString(out, v.toString());
    } else if (v instanceof LocalDateTime || v instanceof OffsetDateTime) {
      out.write(v instanceof LocalDateTime ? 9 : 10);
      writeString(out, v.toString());
    } else if (v instanceof float[] f) {
      out.write(11);
      out.writeInt(f.length);
      for (float x : f) {
        out.writeFloat(x);
      }
    } else {
      throw Errors.of(
          SqlState.FEATURE_NOT_SUPPORTED,
          "a value of type " + v.getClass().getName() + " cannot be sent to the owning process");
    }
  }

  static @Nullable Object readValue(DataInputStream in) throws IOException {
    int tag = in.read();
    try {
      return switch (tag) {
        case 0 -> null;
        case 1 -> in.readBoolean();
        case 2 -> in.readLong();
        case 3 -> in.readDouble();
        case 4 -> new BigDecimal(readString(in));
        case 5 -> readString(in);
        case 6 -> readBytes(in);
        case 7 -> LocalDate.parse(readString(in));
        case 8 -> LocalTime.parse(readString(in));
        case 9 -> LocalDateTime.parse(readString(in));
        case 10 -> OffsetDateTime.parse(readString(in));
        case 11 -> readFloats(in);
        default -> throw new Malformed("value tag " + tag);
      };
    } catch (RuntimeException e) {
      throw new Malformed("a value of tag " + tag + ": " + e.getMessage());
    }
  }

  private static float[] readFloats(DataInputStream in) throws IOException {
    int n = in.readInt();
    if (n < 0 || n > in.available() / 4) {
      throw new Malformed("a vector of " + n + " floats past the frame");
    }
    float[] f = new float[n];
    for (int i = 0; i < n; i++) {
      f[i] = in.readFloat();
    }
    return f;
  }
}
