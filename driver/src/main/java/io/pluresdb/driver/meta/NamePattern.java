package io.pluresdb.driver.meta;

import java.util.regex.Pattern;

/**
 * A {@code DatabaseMetaData} name pattern: {@code %} any run of characters, {@code _} any one,
 * {@code \} escapes the next character; null matches everything. Letters match in any ASCII case,
 * as SQLite's {@code LIKE} does for SQLite's own driver, since names are stored as written and
 * match ignoring case. Immutable.
 */
final class NamePattern {
  static final char ESCAPE = '\\';
  private static final NamePattern ANY = new NamePattern(null);

  private final Pattern regex; // null: matches everything

  private NamePattern(Pattern regex) {
    this.regex = regex;
  }

  static NamePattern of(String pattern) {
    if (pattern == null || pattern.equals("%")) {
      return ANY;
    }
    StringBuilder r = new StringBuilder();
    StringBuilder literal = new StringBuilder();
    for (int i = 0; i < pattern.length(); i++) {
      char c = pattern.charAt(i);
      if (c == ESCAPE && i + 1 < pattern.length()) {
        literal.append(pattern.charAt(++i));
      } else if (c == '%' || c == '_') {
        flush(r, literal);
        r.append(c == '%' ? ".*" : ".");
      } else {
        literal.append(c);
      }
    }
    flush(r, literal);
    return new NamePattern(
        Pattern.compile(r.toString(), Pattern.DOTALL | Pattern.CASE_INSENSITIVE));
  }

  private static void flush(StringBuilder r, StringBuilder literal) {
    if (literal.length() > 0) {
      r.append(Pattern.quote(literal.toString()));
      literal.setLength(0);
    }
  }

  boolean matches(String name) {
    return regex == null || (name != null && regex.matcher(name).matches());
  }
}
