package io.pluresdb.driver.value;

import io.pluresdb.crdt.error.Errors;
import io.pluresdb.crdt.error.SqlState;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Blob;
import java.sql.Clob;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.UUID;

/**
 * Turns what a user binds with {@code setObject} into a canonical value where the Java type says
 * which one is meant (Integer to Long, java.sql.Date to LocalDate, Instant to UTC
 * OffsetDateTime...); the planner then coerces it to the parameter's column type.
 *
 * <p>Stateless and thread-safe.
 */
public final class ParameterValues {
  private ParameterValues() {}

  public static Object normalize(Object x, String what) throws SQLException {
    if (x == null
        || x instanceof String
        || x instanceof Long
        || x instanceof Boolean
        || x instanceof Double
        || x instanceof BigDecimal) {
      return x;
    }
    if (x instanceof Integer || x instanceof Short || x instanceof Byte) {
      return ((Number) x).longValue();
    }
    if (x instanceof Float f) {
      return f.doubleValue();
    }
    if (x instanceof BigInteger i) {
      return new BigDecimal(i);
    }
    if (x instanceof Character || x instanceof UUID) {
      return x.toString();
    }
    if (x instanceof java.sql.Date d) {
      return d.toLocalDate();
    }
    if (x instanceof java.sql.Time t) {
      return t.toLocalTime();
    }
    if (x instanceof java.sql.Timestamp t) {
      return t.toLocalDateTime();
    }
    if (x instanceof java.util.Date d) {
      return LocalDateTime.ofInstant(d.toInstant(), ZoneId.systemDefault());
    }
    if (x instanceof Instant i) {
      return i.atOffset(ZoneOffset.UTC);
    }
    if (x instanceof ZonedDateTime z) {
      return z.toOffsetDateTime().withOffsetSameInstant(ZoneOffset.UTC);
    }
    if (x instanceof OffsetDateTime o) {
      return o.withOffsetSameInstant(ZoneOffset.UTC);
    }
    if (x instanceof OffsetTime t) {
      return t.withOffsetSameInstant(ZoneOffset.UTC).toLocalTime();
    }
    if (x instanceof byte[] b) {
      return b.clone();
    }
    if (x instanceof float[] f) {
      return f.clone();
    }
    if (x instanceof Blob b) {
      return b.getBytes(1, Math.toIntExact(b.length()));
    }
    if (x instanceof Clob c) {
      return c.getSubString(1, Math.toIntExact(c.length()));
    }
    if (x instanceof InputStream in) {
      return readAll(in, -1, what);
    }
    if (x instanceof Reader r) {
      return readAll(r, -1, what);
    }
    if (x instanceof java.time.temporal.Temporal) {
      return x; // LocalDate, LocalTime, LocalDateTime: already canonical
    }
    throw Errors.of(
        SqlState.INVALID_PARAMETER_VALUE,
        what + ": cannot bind a value of class " + x.getClass().getName());
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
