package io.pluresdb.crdt.op;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A growing byte buffer with varint writers, reused across writes so encoding allocates little.
 *
 * <p>Not thread-safe: owned by one writer.
 */
public final class ByteSink {
  private byte[] buf;
  private int size;

  public ByteSink(int capacity) {
    buf = new byte[Math.max(16, capacity)];
  }

  public int size() {
    return size;
  }

  /** The byte written at {@code position}. */
  public int byteAt(int position) {
    return buf[position] & 0xFF;
  }

  /** Forgets everything written after {@code position}. */
  public void truncate(int position) {
    size = position;
  }

  public byte[] toByteArray() {
    return Arrays.copyOf(buf, size);
  }

  private void ensure(int more) {
    if (size + more > buf.length) {
      buf = Arrays.copyOf(buf, Math.max(buf.length * 2, size + more));
    }
  }

  public void write(int b) {
    ensure(1);
    buf[size++] = (byte) b;
  }

  public void write(byte[] b, int off, int len) {
    ensure(len);
    System.arraycopy(b, off, buf, size, len);
    size += len;
  }

  public void write(byte[] b) {
    write(b, 0, b.length);
  }

  /** Unsigned LEB128. */
  public void varint(long v) {
    ensure(10);
    while ((v & ~0x7FL) != 0) {
      buf[size++] = (byte) ((v & 0x7F) | 0x80);
      v >>>= 7;
    }
    buf[size++] = (byte) v;
  }

  /** Zigzag-encoded signed varint. */
  public void svarint(long v) {
    varint(v << 1 ^ v >> 63);
  }

  public void fixed64(long v) {
    ensure(8);
    for (int i = 56; i >= 0; i -= 8) {
      buf[size++] = (byte) (v >>> i);
    }
  }

  public void bytes(byte[] b) {
    varint(b.length);
    write(b);
  }

  public void string(String s) {
    bytes(s.getBytes(StandardCharsets.UTF_8));
  }
}
