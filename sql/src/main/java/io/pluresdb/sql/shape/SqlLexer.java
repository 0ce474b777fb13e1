package io.pluresdb.sql.shape;

import java.util.Locale;

/**
 * The characters of SQL text as the statement scanners here read them: blanks, words, quoted
 * strings and names, digits. Comments are not read: a scanner that meets one gives up, and the
 * statement goes to the parser.
 *
 * <p>Not thread-safe: one instance per scan.
 */
abstract class SqlLexer {
  final String s;
  final int n;

  /** The position of the next character to read. */
  int i;

  SqlLexer(String sql) {
    this.s = sql;
    this.n = sql.length();
  }

  /** Past a run of digits; how many there were. */
  int digits() {
    int start = i;
    while (i < n && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
      i++;
    }
    return i - start;
  }

  /** Past a quoted string; false when it does not end. */
  boolean string() {
    i++;
    while (i < n) {
      if (s.charAt(i++) == '\'') {
        if (i < n && s.charAt(i) == '\'') {
          i++;
        } else {
          return true;
        }
      }
    }
    return false;
  }

  /** Past a quoted name ({@code "…"}, {@code `…`} or {@code […]}); false when it does not end. */
  boolean quotedName() {
    char close = s.charAt(i) == '[' ? ']' : s.charAt(i);
    i++;
    while (i < n) {
      if (s.charAt(i++) == close) {
        if (close != ']' && i < n && s.charAt(i) == close) {
          i++;
        } else {
          return true;
        }
      }
    }
    return false;
  }

  /** An unquoted word, lower case. */
  String word() {
    int start = i;
    while (i < n && (Character.isLetterOrDigit(s.charAt(i)) || s.charAt(i) == '_')) {
      i++;
    }
    return s.substring(start, i).toLowerCase(Locale.ROOT);
  }

  /** Past white space; false at a comment, which this scanner leaves to the parser. */
  boolean blanks() {
    while (i < n && Character.isWhitespace(s.charAt(i))) {
      i++;
    }
    if (i + 1 < n) {
      char c = s.charAt(i);
      char d = s.charAt(i + 1);
      return !(c == '-' && d == '-' || c == '/' && d == '*');
    }
    return true;
  }

  static boolean identStart(char c) {
    return Character.isLetter(c) || c == '_';
  }

  static String unquote(String body) {
    return body.indexOf('\'') < 0 ? body : body.replace("''", "'");
  }
}
