package io.pluresdb.hibernate;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * How HQL's date-time functions are written for PluresDB: {@code timestampadd} and {@code
 * timestampdiff} (also behind {@code date + duration} and {@code date - date}) as the SQL
 * standard's {@code TIMESTAMPADD}/{@code TIMESTAMPDIFF}, which PluresDB turns into SQLite's date
 * functions; {@code format(d as 'yyyy-MM-dd')} as SQLite's {@code strftime} with the Java pattern
 * translated.
 *
 * <p>The dialect's native unit of a duration is the millisecond, the finest a stored timestamp's
 * arithmetic keeps ({@link PluresDialect#getFractionalSecondPrecisionInNanos}).
 *
 * <p>Units are taken by the name of Hibernate's {@code TemporalUnit} constant: the enum lives in
 * {@code org.hibernate.query.common} in Hibernate 7 and in {@code org.hibernate.query.sqm} in 6.6,
 * and both generations call in here.
 */
final class PluresDateFunctions {
  /** Nanoseconds in the dialect's native unit of a duration, the millisecond. */
  static final long NATIVE_NANOS = 1_000_000L;

  /** Java date-time pattern letters and the strftime field each becomes. */
  private static final Map<String, String> FIELDS =
      Map.ofEntries(
          Map.entry("yyyy", "%Y"),
          Map.entry("MM", "%m"),
          Map.entry("dd", "%d"),
          Map.entry("HH", "%H"),
          Map.entry("mm", "%M"),
          Map.entry("ss.SSS", "%f"),
          Map.entry("ss", "%S"),
          Map.entry("DDD", "%j"));

  private PluresDateFunctions() {}

  /** {@code timestampadd(unit, ?2, ?3)} in a unit PluresDB's TIMESTAMPADD knows. */
  static String addPattern(String unit) {
    return switch (unit) {
      case "NANOSECOND" -> "timestampadd(microsecond,(?2)/1000,?3)";
      case "NATIVE" -> "timestampadd(millisecond,?2,?3)";
      default -> "timestampadd(?1,?2,?3)";
    };
  }

  /** {@code timestampdiff(unit, ?2, ?3)} in a unit PluresDB's TIMESTAMPDIFF knows. */
  static String diffPattern(String unit) {
    return switch (unit) {
      case "NANOSECOND" -> "(timestampdiff(microsecond,?2,?3)*1000)";
      case "NATIVE" -> "timestampdiff(millisecond,?2,?3)";
      default -> "timestampdiff(?1,?2,?3)";
    };
  }

  /**
   * A Java date-time pattern ({@code yyyy-MM-dd HH:mm:ss}) as a strftime format, to be written
   * inside a string literal: quoted text is kept, {@code %} and {@code '} escaped.
   */
  static String strftime(String pattern) {
    StringBuilder out = new StringBuilder();
    int i = 0;
    while (i < pattern.length()) {
      char c = pattern.charAt(i);
      if (c == '\'') {
        int end = pattern.indexOf('\'', i + 1);
        int stop = end < 0 ? pattern.length() : end;
        literal(out, pattern.substring(i + 1, stop));
        i = stop + 1;
        continue;
      }
      String field = field(pattern, i);
      if (field != null) {
        out.append(FIELDS.get(field));
        i += field.length();
      } else {
        literal(out, String.valueOf(c));
        i++;
      }
    }
    return out.toString();
  }

  /** The longest pattern field at {@code i}, or null when none starts there. */
  private static @Nullable String field(String pattern, int i) {
    String best = null;
    for (String f : FIELDS.keySet()) {
      if (pattern.startsWith(f, i) && (best == null || f.length() > best.length())) {
        best = f;
      }
    }
    return best;
  }

  private static void literal(StringBuilder out, String text) {
    out.append(text.replace("%", "%%").replace("'", "''"));
  }
}
