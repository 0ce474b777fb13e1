package io.pluresdb.sql.parser.sqlite;

/**
 * SQLite's other two ways of quoting a name, {@code [x]} (from SQL Server) and {@code `x`} (from
 * MySQL), read as the standard {@code "x"}.
 *
 * <p>The lexer does the reading: two tokens of the generated grammar (in {@code sqlite.ftl}) match
 * {@code [x]} and {@code `x`} in the same lexical state as {@code "x"}, and their action hands the
 * parser a double-quoted identifier token rewritten by {@link #doubleQuoted}. So the parser has one
 * kind of quoted name; string literals ({@code '[0.1, 0.2]'}) and comments are tokens of their own
 * and never seen by these rules; and the token keeps the line and column where the user wrote it,
 * so syntax errors and column labels point at the user's text. A pre-pass rewriting the text before
 * parsing would have needed a second lexer for literals and comments, which the design forbids
 * ("one grammar"). The cost: {@code [} cannot start an array subscript or an {@code ARRAY[…]}
 * constructor, which SQLite has neither of either.
 */
public final class SqliteNames {
  private SqliteNames() {}

  /**
   * The double-quoted form of a bracket- or backtick-quoted name: {@code [a"b]} gives {@code
   * "a""b"}, {@code `a``b`} gives {@code "a`b"}. SQLite's brackets have no escape: the name ends at
   * the first {@code ]}.
   */
  public static String doubleQuoted(CharSequence image) {
    String text = image.toString();
    String name = text.substring(1, text.length() - 1);
    if (text.charAt(0) == '`') {
      name = name.replace("``", "`");
    }
    return '"' + name.replace("\"", "\"\"") + '"';
  }
}
