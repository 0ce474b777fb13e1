package io.pluresdb.sql.shape;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The shape of a plain {@code INSERT … VALUES (…), (…)} (or {@code REPLACE}, {@code INSERT OR …}):
 * each value of a row that is a literal by itself (a number, a string, a blob, NULL) becomes a
 * parameter, so that a script of thousands of such statements plans once per shape. A value that is
 * an expression stays in the text as written, literals and all, and so does everything before
 * {@code VALUES}.
 *
 * <p>Only the VALUES list of an INSERT is shaped: there a literal becomes the column's value as it
 * stands, converted to the column's type when the statement runs whether it came as a literal or a
 * parameter, so the plan cannot depend on it. Elsewhere a literal may type an expression, label a
 * column or pick an ordinal, so the text is planned as it is.
 *
 * <p>Anything this scanner does not fully understand gives no shape and the statement is planned
 * from its text: parameters of the user's own, comments, numbers with exponents or more than 18
 * digits, a clause after the rows (ON CONFLICT, RETURNING), more than one statement.
 *
 * <p>Stateless and thread-safe.
 */
public final class InsertShapes {
  /** Digits of an integer literal that always fit a {@code long}, whatever its sign. */
  private static final int MAX_DIGITS = 18;

  private InsertShapes() {}

  /** The statement's shape, or null when it is not a plain INSERT … VALUES with literals. */
  public static @Nullable Shaped of(String sql) {
    return new Scan(sql).insert();
  }

  /** One pass over one statement's text. Not thread-safe: one per call. */
  private static final class Scan extends SqlLexer {
    private final StringBuilder shape;
    private int copied;
    private final List<@Nullable Object> literals = new ArrayList<>();

    Scan(String sql) {
      super(sql);
      this.shape = new StringBuilder(sql.length());
    }

    @Nullable Shaped insert() {
      if (!blanks()) {
        return null;
      }
      String verb = word();
      if (!"insert".equals(verb) && !"replace".equals(verb)) {
        return null;
      }
      if (!toValues() || !rows()) {
        return null;
      }
      if (!blanks()) {
        return null;
      }
      if (i < n && s.charAt(i) == ';') {
        i++;
        if (!blanks()) {
          return null;
        }
      }
      if (i != n || literals.isEmpty()) {
        return null;
      }
      shape.append(s, copied, n);
      return new Shaped(shape.toString(), literals);
    }

    /**
     * Past the VALUES keyword that starts the rows: before it only names, dots, commas and
     * parentheses (the target table and column list).
     */
    private boolean toValues() {
      int depth = 0;
      while (true) {
        if (!blanks() || i >= n) {
          return false;
        }
        char c = s.charAt(i);
        if (identStart(c)) {
          String w = word();
          if (depth == 0 && "values".equals(w)) {
            return true;
          }
          if ("select".equals(w) || "with".equals(w) || "default".equals(w)) {
            return false;
          }
        } else if (c == '"' || c == '`' || c == '[') {
          if (!quotedName()) {
            return false;
          }
        } else if (c == '(' || c == ')' || c == ',' || c == '.') {
          depth += c == '(' ? 1 : c == ')' ? -1 : 0;
          i++;
        } else {
          return false;
        }
      }
    }

    /** One or more {@code (value, …)} rows separated by commas. */
    private boolean rows() {
      while (true) {
        if (!blanks() || i >= n || s.charAt(i) != '(') {
          return false;
        }
        i++;
        while (true) {
          if (!value() || !blanks() || i >= n) {
            return false;
          }
          char c = s.charAt(i++);
          if (c == ')') {
            break;
          }
          if (c != ',') {
            return false;
          }
        }
        if (!blanks()) {
          return false;
        }
        if (i >= n || s.charAt(i) != ',') {
          return true;
        }
        i++;
      }
    }

    /** One value of a row: a literal taken out, or an expression skipped as written. */
    private boolean value() {
      if (!blanks()) {
        return false;
      }
      int start = i;
      Literal lit = literal();
      if (lit != null) {
        int end = i;
        if (blanks() && i < n && (s.charAt(i) == ',' || s.charAt(i) == ')')) {
          shape.append(s, copied, start).append('?');
          copied = end;
          literals.add(lit.value());
          return true;
        }
      }
      i = start;
      return expression();
    }

    /** An expression value kept as written, up to the comma or parenthesis that ends it. */
    private boolean expression() {
      int depth = 0;
      while (true) {
        if (!blanks() || i >= n) {
          return false;
        }
        char c = s.charAt(i);
        if (c == '?' || c == ':' || c == '@' || c == '$' || c == ';') {
          return false; // a parameter of the user's own, or something not understood
        }
        if (c == '\'') {
          if (!string()) {
            return false;
          }
        } else if (c == '"' || c == '`' || c == '[') {
          if (!quotedName()) {
            return false;
          }
        } else if (c == '(') {
          depth++;
          i++;
        } else if (depth == 0 && (c == ')' || c == ',')) {
          return true;
        } else if (c == ')') {
          depth--;
          i++;
        } else if (identStart(c)) {
          word();
        } else {
          i++;
        }
      }
    }

    /** A literal value standing alone, or null (the position is then undefined). */
    private @Nullable Literal literal() {
      char c = s.charAt(i);
      if (c == '\'') {
        int start = i;
        return string() ? new Literal(unquote(s.substring(start + 1, i - 1))) : null;
      }
      if ((c == 'x' || c == 'X') && i + 1 < n && s.charAt(i + 1) == '\'') {
        i++;
        int start = i;
        return string() ? blob(s.substring(start + 1, i - 1)) : null;
      }
      if (identStart(c)) {
        return "null".equals(word()) ? new Literal(null) : null;
      }
      return number();
    }

    /**
     * An optionally signed integer or decimal, read as the planner reads the same literal: an
     * integer is a {@code long}, a decimal a {@link BigDecimal} of the scale written.
     */
    private @Nullable Literal number() {
      int start = i;
      boolean signed = s.charAt(i) == '-' || s.charAt(i) == '+';
      if (signed) {
        i++;
      }
      if (digits() == 0) {
        return null;
      }
      boolean decimal = i < n && s.charAt(i) == '.';
      if (decimal) {
        i++;
        if (digits() == 0) {
          return null;
        }
      }
      if (i < n && (Character.isLetterOrDigit(s.charAt(i)) || s.charAt(i) == '.')) {
        return null; // an exponent, a suffix, or something else this does not read
      }
      String text = s.substring(start, i);
      if (text.length() - (decimal ? 1 : 0) - (signed ? 1 : 0) > MAX_DIGITS) {
        return null;
      }
      return new Literal(decimal ? new BigDecimal(text) : Long.parseLong(text));
    }

    private static @Nullable Literal blob(String hex) {
      byte[] bytes = Hex.bytes(hex);
      return bytes == null ? null : new Literal(bytes);
    }
  }

  /** A literal's value; a record so that NULL is distinct from "not a literal". */
  private record Literal(@Nullable Object value) {}
}
