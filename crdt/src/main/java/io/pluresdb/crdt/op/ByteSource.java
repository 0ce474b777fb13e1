package io.pluresdb.crdt.op;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** Reads what a {@link ByteSink} wrote; fails with IllegalArgumentException on truncated input. */
public final class ByteSource {
  private final byte[] buf;
  private int pos;

  public ByteSource(byte[] buf) {
    this.buf = buf;
  }

  public boolean hasMore() {
    return pos < buf.length;
  }

  private void need(int n) {
    if (n < 0 || pos + n > buf.length) {
      throw new IllegalArgumentException("truncated record at byte " + pos);
    }
  }

  public int read() {
    need(1);
    return buf[pos++] & 0xFF;
  }

  public long varint() {
    long v = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      int b = read();
      v |= (long) (b & 0x7F) << shift;
      if ((b & 0x80) == 0) {
        return v;
      }
    }
    throw new IllegalArgumentException("varint too long at byte " + pos);
  }

  public int length() {
    long n = varint();
    if (n < 0 || n > buf.length - pos) {
      throw new IllegalArgumentException("length " + n + " exceeds the record at byte " + pos);
    }
    return (int) n;
  }

  public long svarint() {
    long v = varint();
    return v >>> 1 ^ -(v & 1);
  }

  public long fixed64() {
    need(8);
    long v = 0;
    for (int i = 0; i < 8; i++) {
      v = v << 8 | (buf[pos++] & 0xFF);
    }
    return v;
  }

  public byte[] raw(int n) {
    need(n);
    byte[] b = Arrays.copyOfRange(buf, pos, pos + n);
    pos += n;
    return b;
  }

  public byte[] bytes() {
    return raw(length());
  }

  public String string() {
    int n = length();
    String s = new String(buf, pos, n, StandardCharsets.UTF_8);
    pos += n;
    return s;
  }
}
