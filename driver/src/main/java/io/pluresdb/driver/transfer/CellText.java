package io.pluresdb.driver.transfer;

import io.pluresdb.crdt.error.Errors;
import io.pluresdb.crdt.error.SqlState;
import java.math.BigDecimal;
import java.sql.Blob;
import java.sql.Clob;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * The text of one value in an exported file, and back: numbers as Java prints them (they read back
 * exactly), booleans {@code true}/{@code false}, binary values as hexadecimal digits (SQLite's
 * {@code hex()}), dates and times in ISO 8601 with a space between date and time ({@code 2026-12-02
 * 09:00:00.5}), vectors as {@code [1.0, 2.0]}, everything else as its string. Reading back is by
 * the target column's JDBC type, so a file written by another tool loads if its values are in these
 * forms.
 *
 * <p>Stateless and thread-safe.
 */
final class CellText {
  private static final HexFormat HEX = HexFormat.of().withUpperCase();

  private CellText() {}

  /**
   * Column {@code i} of the current row as a file carries it: null for SQL NULL, a {@link Number}
   * or {@link Boolean} as itself (so CSV and JSON write it bare), anything else as its text.
   */
  static @Nullable Object read(ResultSet rs, int i, int jdbcType) throws SQLException {
    Object v =
        switch (jdbcType) {
          // java.sql.Time and Timestamp would drop or reshape fractions: read the java.time value
          case Types.DATE -> rs.getObject(i, LocalDate.class);
          case Types.TIME -> rs.getObject(i, LocalTime.class);
          case Types.TIMESTAMP -> rs.getObject(i, LocalDateTime.class);
          case Types.TIMESTAMP_WITH_TIMEZONE -> rs.getObject(i, OffsetDateTime.class);
          default -> rs.getObject(i);
        };
    if (v == null || v instanceof Number || v instanceof Boolean || v instanceof String) {
      return v;
    }
    if (v instanceof byte[] bytes) {
      return HEX.formatHex(bytes);
    }
    if (v instanceof Blob blob) {
      return HEX.formatHex(blob.getBytes(1, Math.toIntExact(blob.length())));
    }
    if (v instanceof Clob clob) {
      return clob.getSubString(1, Math.toIntExact(clob.length()));
    }
    if (v instanceof float[] vector) {
      return Arrays.toString(vector);
    }
    // ISO 8601 with seconds always (toString() drops zero seconds), a space before the time
    if (v instanceof LocalDateTime t) {
      return DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(t).replace('T', ' ');
    }
    if (v instanceof OffsetDateTime t) {
      return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(t).replace('T', ' ');
    }
    if (v instanceof LocalTime t) {
      return DateTimeFormatter.ISO_LOCAL_TIME.format(t);
    }
    return v.toString();
  }

  /**
   * The value of {@code text} for a column of {@code jdbcType} named {@code typeName}, as {@code
   * PreparedStatement.setObject} takes it.
   *
   * @param where the place of the text, for the error ("line 3, column 'year' of table 'album'")
   * @throws SQLException 22018 (22007 for dates and times) naming {@code where}, the type and the
   *     text, if the text is not a value of that type
   */
  static Object parse(String text, int jdbcType, String typeName, String where)
      throws SQLException {
    try {
      return switch (jdbcType) {
        case Types.BOOLEAN, Types.BIT -> bool(text);
        case Types.TINYINT, Types.SMALLINT, Types.INTEGER, Types.BIGINT ->
            Long.valueOf(text.strip());
        case Types.REAL, Types.FLOAT, Types.DOUBLE -> Double.valueOf(text.strip());
        case Types.DECIMAL, Types.NUMERIC -> new BigDecimal(text.strip());
        case Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY, Types.BLOB ->
            HEX.parseHex(text.strip());
        case Types.DATE -> LocalDate.parse(text.strip());
        case Types.TIME -> LocalTime.parse(text.strip());
        case Types.TIMESTAMP -> LocalDateTime.parse(text.strip().replace(' ', 'T'));
        case Types.TIMESTAMP_WITH_TIMEZONE -> OffsetDateTime.parse(text.strip().replace(' ', 'T'));
        default -> text; // text, JSON, and vectors, which the driver reads from '[1, 2]'
      };
    } catch (DateTimeParseException e) {
      throw Errors.of(SqlState.INVALID_DATETIME_FORMAT, bad(where, typeName, text), e);
    } catch (IllegalArgumentException | ArithmeticException e) {
      // NumberFormatException is an IllegalArgumentException, as is a bad hex digit
      throw Errors.of(SqlState.INVALID_CHARACTER_VALUE_FOR_CAST, bad(where, typeName, text), e);
    }
  }

  private static Boolean bool(String text) {
    return switch (text.strip().toLowerCase(Locale.ROOT)) {
      case "true", "1" -> Boolean.TRUE;
      case "false", "0" -> Boolean.FALSE;
      default -> throw new IllegalArgumentException("not a boolean: " + text);
    };
  }

  private static String bad(String where, String typeName, String text) {
    return where + " is " + typeName + ", got '" + text + "'";
  }
}
