package io.pluresdb.driver.value;

import io.pluresdb.crdt.error.Errors;
import io.pluresdb.crdt.error.SqlState;
import io.pluresdb.crdt.value.ValueCodec;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.sql.SQLException;

/**
 * Turns what a user binds with {@code setObject} into a canonical value where the Java type says
 * which one is meant ({@link ValueCodec#canonicalOf}), and reads the streams and readers JDBC
 * binds; the planner then coerces the value to the parameter's column type.
 *
 * <p>Stateless and thread-safe.
 */
public final class ParameterValues {
  private ParameterValues() {}

  /**
   * The canonical value of what {@code setObject} binds; streams and readers are read here, since
   * only JDBC hands them over.
   */
  public static Object normalize(Object x, String what) throws SQLException {
    if (x instanceof InputStream in) {
      return readAll(in, -1, what);
    }
    if (x instanceof Reader r) {
      return readAll(r, -1, what);
    }
    Object canonical = ValueCodec.canonicalOf(x);
    if (canonical == null && x != null) {
      throw Errors.of(
          SqlState.INVALID_PARAMETER_VALUE,
          what + ": cannot bind a value of class " + x.getClass().getName());
    }
    return canonical;
  }

  /** Reads a stream fully (at most {@code length} bytes when not negative). */
  public static byte[] readAll(InputStream in, long length, String what) throws SQLException {
    try {
      byte[] all = length < 0 ? in.readAllBytes() : in.readNBytes(Math.toIntExact(length));
      return all;
    } catch (IOException e) {
      throw Errors.of(SqlState.IO_ERROR, what + ": cannot read the bound stream: " + e, e);
    }
  }

  /** Reads a reader fully (at most {@code length} characters when not negative). */
  public static String readAll(Reader r, long length, String what) throws SQLException {
    try {
      StringBuilder s = new StringBuilder();
      char[] buf = new char[8192];
      long left = length < 0 ? Long.MAX_VALUE : length;
      int n;
      while (left > 0 && (n = r.read(buf, 0, (int) Math.min(buf.length, left))) > 0) {
        s.append(buf, 0, n);
        left -= n;
      }
      return s.toString();
    } catch (IOException e) {
      throw Errors.of(SqlState.IO_ERROR, what + ": cannot read the bound reader: " + e, e);
    }
  }
}
