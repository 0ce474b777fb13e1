package io.pluresdb.driver.lob;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Reader;
import java.io.StringReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.sql.Clob;
import java.sql.NClob;
import java.sql.SQLException;

/**
 * A character LOB held in memory; also the {@link NClob}, since every SQLite text is Unicode.
 * Positions are 1-based; a write may start one past the end and grows the value.
 *
 * <p>Not thread-safe: used by one thread at a time, like the connection that made it.
 */
public final class MemoryClob implements NClob {
  private final StringBuilder text;
  private boolean freed;

  public MemoryClob() {
    this("");
  }

  public MemoryClob(String text) {
    this.text = new StringBuilder(text);
  }

  /** The whole value, for binding as a parameter. */
  public String value() throws SQLException {
    check();
    return text.toString();
  }

  private void check() throws SQLException {
    LobPositions.checkLive("Clob", freed);
  }

  @Override
  public long length() throws SQLException {
    check();
    return text.length();
  }

  @Override
  public String getSubString(long pos, int length) throws SQLException {
    check();
    int from = LobPositions.start("Clob", pos, text.length());
    int n = LobPositions.count("Clob", "length", length, Integer.MAX_VALUE);
    return text.substring(from, Math.min(text.length(), from + n));
  }

  @Override
  public Reader getCharacterStream() throws SQLException {
    return new StringReader(value());
  }

  @Override
  public Reader getCharacterStream(long pos, long length) throws SQLException {
    check();
    int from = LobPositions.start("Clob", pos, text.length());
    int n = LobPositions.count("Clob", "length", length, text.length() - (long) from);
    return new StringReader(text.substring(from, from + n));
  }

  @Override
  public InputStream getAsciiStream() throws SQLException {
    return new ByteArrayInputStream(value().getBytes(StandardCharsets.US_ASCII));
  }

  @Override
  public long position(String searchstr, long start) throws SQLException {
    check();
    int from = LobPositions.start("Clob", start, text.length());
    int at = text.indexOf(searchstr, from);
    return at < 0 ? -1 : at + 1L;
  }

  @Override
  public long position(Clob searchstr, long start) throws SQLException {
    return position(searchstr.getSubString(1, (int) searchstr.length()), start);
  }

  @Override
  public int setString(long pos, String str) throws SQLException {
    return setString(pos, str, 0, str.length());
  }

  @Override
  public int setString(long pos, String str, int offset, int len) throws SQLException {
    check();
    int from = LobPositions.start("Clob", pos, text.length());
    int off = LobPositions.count("Clob", "offset", offset, str.length());
    int n = LobPositions.count("Clob", "length", len, str.length() - (long) off);
    int end = Math.min(text.length(), from + n);
    text.replace(from, end, str.substring(off, off + n));
    return n;
  }

  @Override
  public OutputStream setAsciiStream(long pos) throws SQLException {
    Writer w = setCharacterStream(pos);
    return new OutputStream() {
      @Override
      public void write(int b) throws java.io.IOException {
        w.write(b & 0x7f);
      }
    };
  }

  @Override
  public Writer setCharacterStream(long pos) throws SQLException {
    check();
    int from = LobPositions.start("Clob", pos, text.length());
    return new Writer() {
      private int at = from;

      @Override
      public void write(char[] cbuf, int off, int len) {
        int end = Math.min(text.length(), at + len);
        text.replace(at, end, new String(cbuf, off, len));
        at += len;
      }

      @Override
      public void flush() {}

      @Override
      public void close() {}
    };
  }

  @Override
  public void truncate(long len) throws SQLException {
    check();
    text.setLength(LobPositions.count("Clob", "length", len, text.length()));
  }

  @Override
  public void free() {
    freed = true;
    text.setLength(0);
  }
}
