package io.pluresdb.driver.lob;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.sql.Blob;
import java.sql.SQLException;
import java.util.Arrays;

/**
 * A binary LOB held in memory. Positions are 1-based; a write may start one past the end and grows
 * the value.
 *
 * <p>Not thread-safe: used by one thread at a time, like the connection that made it.
 */
public final class MemoryBlob implements Blob {
  private byte[] bytes;
  private int size;
  private boolean freed;

  public MemoryBlob() {
    this(new byte[0]);
  }

  public MemoryBlob(byte[] bytes) {
    this.bytes = bytes.clone();
    this.size = bytes.length;
  }

  /** A copy of the whole value, for binding as a parameter. */
  public byte[] value() throws SQLException {
    check();
    return Arrays.copyOf(bytes, size);
  }

  private void check() throws SQLException {
    LobPositions.checkLive("Blob", freed);
  }

  @Override
  public long length() throws SQLException {
    check();
    return size;
  }

  @Override
  public byte[] getBytes(long pos, int length) throws SQLException {
    check();
    int from = LobPositions.start("Blob", pos, size);
    int n = LobPositions.count("Blob", "length", length, Integer.MAX_VALUE);
    return Arrays.copyOfRange(bytes, from, Math.min(size, from + n));
  }

  @Override
  public InputStream getBinaryStream() throws SQLException {
    return new ByteArrayInputStream(value());
  }

  @Override
  public InputStream getBinaryStream(long pos, long length) throws SQLException {
    check();
    int from = LobPositions.start("Blob", pos, size);
    int n = LobPositions.count("Blob", "length", length, size - (long) from);
    return new ByteArrayInputStream(Arrays.copyOfRange(bytes, from, from + n));
  }

  @Override
  public long position(byte[] pattern, long start) throws SQLException {
    check();
    int from = LobPositions.start("Blob", start, size);
    for (int i = from; i + pattern.length <= size; i++) {
      if (Arrays.equals(bytes, i, i + pattern.length, pattern, 0, pattern.length)) {
        return i + 1L;
      }
    }
    return -1;
  }

  @Override
  public long position(Blob pattern, long start) throws SQLException {
    return position(pattern.getBytes(1, (int) pattern.length()), start);
  }

  @Override
  public int setBytes(long pos, byte[] b) throws SQLException {
    return setBytes(pos, b, 0, b.length);
  }

  @Override
  public int setBytes(long pos, byte[] b, int offset, int len) throws SQLException {
    check();
    int from = LobPositions.start("Blob", pos, size);
    int off = LobPositions.count("Blob", "offset", offset, b.length);
    int n = LobPositions.count("Blob", "length", len, b.length - (long) off);
    write(from, b, off, n);
    return n;
  }

  private void write(int at, byte[] b, int off, int n) {
    int end = at + n;
    if (end > bytes.length) {
      bytes = Arrays.copyOf(bytes, Math.max(end, bytes.length * 2));
    }
    System.arraycopy(b, off, bytes, at, n);
    size = Math.max(size, end);
  }

  @Override
  public OutputStream setBinaryStream(long pos) throws SQLException {
    check();
    int from = LobPositions.start("Blob", pos, size);
    return new OutputStream() {
      private int at = from;

      @Override
      public void write(int b) {
        write(new byte[] {(byte) b}, 0, 1);
      }

      @Override
      public void write(byte[] b, int off, int len) {
        MemoryBlob.this.write(at, b, off, len);
        at += len;
      }
    };
  }

  @Override
  public void truncate(long len) throws SQLException {
    check();
    size = LobPositions.count("Blob", "length", len, size);
  }

  @Override
  public void free() {
    freed = true;
    bytes = new byte[0];
    size = 0;
  }
}
