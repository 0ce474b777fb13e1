package io.pluresdb.sql.parser;

import static org.apache.calcite.util.Static.RESOURCE;

import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlTimestampLiteral;
import org.apache.calcite.sql.SqlUtil;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.util.TimestampString;
import org.jspecify.annotations.Nullable;

/**
 * Reads the text of a {@code TIMESTAMP WITH TIME ZONE '…'} literal. The parser leaves such a
 * literal unresolved and Calcite's own reading only knows {@code 'yyyy-MM-dd HH:mm:ss zone'}; this
 * one takes the SQL/PostgreSQL/ISO-8601 forms: a date, a space or {@code T}, a time with optional
 * seconds and fraction, then an offset ({@code Z}, {@code +01:00}, {@code +0100}, {@code +01})
 * written straight after the time or after a space, or a space and a zone name ({@code UTC}, {@code
 * Europe/Paris}, {@code GMT+01:00}).
 *
 * <p>The literal becomes the same instant in UTC, typed {@code TIMESTAMP WITH LOCAL TIME ZONE}:
 * that is the type zoned columns have in the planner and the form they are stored in (see {@code
 * io.pluresdb.crdt.value.Values}), so the literal compares with and assigns to them as is.
 */
public final class ZonedTimestampLiterals {
  /** The type tag the generated parser gives the unresolved literal. */
  public static final String TAG = "TIMESTAMP WITH TIME ZONE";

  private static final Pattern FORM =
      Pattern.compile(
          "(\\d{4}-\\d{2}-\\d{2})[ T](\\d{2}:\\d{2}(?::\\d{2}(?:\\.(\\d{1,9}))?)?)"
              + "(?: ?([Zz]|[+-]\\d{2}(?::?\\d{2})?)| ([A-Za-z][A-Za-z0-9_/+:-]*))");

  private static final String EXPECTED =
      "not in format 'yyyy-MM-dd HH:mm:ss[.f]±hh:mm' (or Z, ±hhmm, ±hh, or a space and a zone"
          + " name)";

  private ZonedTimestampLiterals() {}

  /**
   * The literal {@code text} denotes, as a UTC {@code TIMESTAMP WITH LOCAL TIME ZONE} literal.
   *
   * @throws org.apache.calcite.runtime.CalciteContextException if the text is not a zoned
   *     timestamp, as Calcite reports its own malformed literals
   */
  public static SqlTimestampLiteral parse(String text, SqlParserPos pos) {
    Matcher m = FORM.matcher(text.strip());
    if (!m.matches()) {
      throw illegal(text, EXPECTED, pos);
    }
    LocalDateTime local;
    ZoneId zone;
    try {
      local = LocalDateTime.parse(m.group(1) + 'T' + m.group(2));
      zone = m.group(4) != null ? offset(m.group(4)) : ZoneId.of(m.group(5));
    } catch (DateTimeException e) {
      throw illegal(text, e.getMessage(), pos);
    }
    LocalDateTime utc = local.atZone(zone).withZoneSameInstant(ZoneOffset.UTC).toLocalDateTime();
    String fraction = m.group(3);
    TimestampString ts =
        new TimestampString(
                utc.getYear(),
                utc.getMonthValue(),
                utc.getDayOfMonth(),
                utc.getHour(),
                utc.getMinute(),
                utc.getSecond())
            .withNanos(utc.getNano());
    int precision = fraction == null ? 0 : fraction.length();
    return SqlLiteral.createTimestamp(
        SqlTypeName.TIMESTAMP_WITH_LOCAL_TIME_ZONE, ts, precision, pos);
  }

  /** The offset {@code Z}, {@code ±hh}, {@code ±hhmm} or {@code ±hh:mm} denotes. */
  private static ZoneOffset offset(String text) {
    if (text.equalsIgnoreCase("Z")) {
      return ZoneOffset.UTC;
    }
    String digits = text.replace(":", "");
    int hours = Integer.parseInt(digits.substring(1, 3));
    int minutes = digits.length() > 3 ? Integer.parseInt(digits.substring(3)) : 0;
    int sign = digits.charAt(0) == '-' ? -1 : 1;
    return ZoneOffset.ofHoursMinutes(sign * hours, sign * minutes);
  }

  private static RuntimeException illegal(String text, @Nullable String why, SqlParserPos pos) {
    return SqlUtil.newContextException(pos, RESOURCE.illegalLiteral(TAG, text, why));
  }
}
