package io.pluresdb.sql.shape;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The shape of a SELECT, UPDATE or DELETE (or an INSERT the VALUES scanner does not read): every
 * literal a parameter may stand for (a number, a string, a blob) becomes a parameter marked with
 * its kind, so that statements differing only in such literals share one key. Unlike {@link
 * InsertShapes} the shape is never planned: it only names the statements whose plans are compared
 * ({@link PlanUnifier}) to learn which literals the plan does not depend on.
 *
 * <p>The key keeps what can make two plans differ: an integer's range (Calcite types a literal
 * INTEGER or BIGINT by its magnitude), a decimal's scale, a string apart from a number. Literals
 * that SQLite does not read as values stay in the key as written: an ORDER BY or GROUP BY term (an
 * ordinal), the size of a type ({@code CAST(x AS VARCHAR(10))}), a window frame's offset, the text
 * of a typed literal ({@code DATE '…'}). A statement with parameters of the user's own, a comment
 * or more than one statement has no shape.
 *
 * <p>Stateless and thread-safe.
 */
public final class QueryShapes {
  private static final int MAX_DIGITS = 18;
  private static final Set<String> VERBS =
      Set.of("select", "with", "update", "delete", "insert", "replace", "values");
  private static final Set<String> TYPED = Set.of("date", "time", "timestamp", "interval");

  /** Words that are values of other types: booleans, and the floating values spelt out. */
  private static final Set<String> NOT_PLAIN =
      Set.of(
          "true",
          "false",
          "t",
          "f",
          "yes",
          "no",
          "y",
          "n",
          "on",
          "off",
          "nan",
          "infinity",
          "inf",
          "+infinity",
          "-infinity",
          "+inf",
          "-inf");

  private static final Set<String> CLAUSES =
      Set.of(
          "select",
          "from",
          "where",
          "having",
          "limit",
          "offset",
          "window",
          "union",
          "except",
          "intersect",
          "on",
          "set",
          "returning",
          "values");

  private QueryShapes() {}

  /** The statement's shape, or null when it has none (see the class comment). */
  public static @Nullable Shaped of(String sql) {
    return new Scan(sql).statement();
  }

  /** One pass over one statement's text. Not thread-safe: one per call. */
  private static final class Scan extends SqlLexer {
    private final StringBuilder shape;
    private final List<@Nullable Object> literals = new ArrayList<>();
    private int copied;
    private String lastWord = "";

    /** Per parenthesis depth: inside an ORDER BY or GROUP BY list, or a type's size. */
    private final List<Boolean> keep = new ArrayList<>(List.of(false));

    private boolean afterAs;

    Scan(String sql) {
      super(sql);
      this.shape = new StringBuilder(sql.length() + 16);
    }

    @Nullable Shaped statement() {
      if (!blanks() || i >= n || !identStart(s.charAt(i)) || !VERBS.contains(peekWord())) {
        return null;
      }
      while (true) {
        if (!blanks()) {
          return null;
        }
        if (i >= n) {
          break;
        }
        char c = s.charAt(i);
        if (c == ';') {
          i++;
          if (!blanks() || i != n) {
            return null;
          }
          break;
        }
        if (!token(c)) {
          return null;
        }
      }
      if (literals.isEmpty()) {
        return null;
      }
      shape.append(s, copied, n);
      return new Shaped(shape.toString(), literals);
    }

    private String peekWord() {
      int start = i;
      String w = word();
      i = start;
      return w;
    }

    /** Past one token; false when the statement is not one this reads. */
    private boolean token(char c) {
      int start = i;
      if (c == '?' || c == ':' || c == '@' || c == '$' || c == '#') {
        return false; // a parameter of the user's own
      }
      if (c == '\'') {
        if (!string()) {
          return false;
        }
        String text = unquote(s.substring(start + 1, i - 1));
        if (plain(text)) {
          literal(start, "?s", text);
        } else {
          afterAs = false;
          lastWord = "";
        }
        return true;
      }
      if ((c == 'x' || c == 'X') && i + 1 < n && s.charAt(i + 1) == '\'') {
        i++;
        if (!string()) {
          return false;
        }
        byte[] blob = Hex.bytes(s.substring(start + 2, i - 1));
        if (blob == null) {
          return false;
        }
        literal(start, "?b", blob);
        return true;
      }
      if (identStart(c)) {
        word(s.substring(start, i = start + wordLength()));
        return true;
      }
      if (c >= '0' && c <= '9' || c == '.' && i + 1 < n && Character.isDigit(s.charAt(i + 1))) {
        return number(start);
      }
      if (c == '"' || c == '`' || c == '[') {
        afterAs = false;
        return quotedName();
      }
      if (c == '(') {
        keep.add(afterAs || top());
        afterAs = false;
      } else if (c == ')') {
        if (keep.size() == 1) {
          return false;
        }
        keep.remove(keep.size() - 1);
      } else if (c != ',') {
        afterAs = false;
      }
      i++;
      return true;
    }

    private int wordLength() {
      int j = i;
      while (j < n && (Character.isLetterOrDigit(s.charAt(j)) || s.charAt(j) == '_')) {
        j++;
      }
      return j - i;
    }

    private void word(String written) {
      String w = written.toLowerCase(java.util.Locale.ROOT);
      if ("by".equals(w) && ("order".equals(lastWord) || "group".equals(lastWord))) {
        keep.set(keep.size() - 1, true);
      } else if (CLAUSES.contains(w)) {
        keep.set(keep.size() - 1, false);
      }
      if ("as".equals(w)) {
        afterAs = true;
      }
      lastWord = w;
    }

    private boolean top() {
      return keep.get(keep.size() - 1);
    }

    /** An integer or decimal; one with an exponent or too many digits stays as written. */
    private boolean number(int start) {
      digits();
      boolean decimal = i < n && s.charAt(i) == '.';
      if (decimal) {
        i++;
        digits();
      }
      if (i < n && (Character.isLetterOrDigit(s.charAt(i)) || s.charAt(i) == '.')) {
        return false; // an exponent, hexadecimal, a suffix: left to the parser
      }
      String text = s.substring(start, i);
      int end = i;
      boolean frame = blanks() && i < n && identStart(s.charAt(i)) && isFrame(peekWord());
      i = end;
      afterAs = false;
      if (text.length() - (decimal ? 1 : 0) > MAX_DIGITS || frame || top()) {
        lastWord = "";
        return true;
      }
      if (decimal) {
        java.math.BigDecimal d = new java.math.BigDecimal(text);
        literal(start, "?d" + d.scale(), d);
      } else if (text.length() == 1 && text.charAt(0) <= '1') {
        lastWord = ""; // 0 and 1 are also the booleans, which the planner may fold them into
      } else {
        long v = Long.parseLong(text);
        literal(start, v == (int) v ? "?i" : "?l", v);
      }
      return true;
    }

    /**
     * True for text that is no value of any other type: the planner decides some things by whether
     * a string is a number, a date, a time or a boolean (it keeps or drops a cast, or writes a date
     * in its stored form), so only text that can be none of them is taken out; any other string
     * stays in the shape as written.
     */
    private static boolean plain(String text) {
      if (text.isEmpty()
          || Character.isWhitespace(text.charAt(0))
          || Character.isWhitespace(text.charAt(text.length() - 1))
          || NOT_PLAIN.contains(text.toLowerCase(java.util.Locale.ROOT))) {
        return false;
      }
      return text.chars().noneMatch(Character::isDigit);
    }

    private static boolean isFrame(String next) {
      return "preceding".equals(next) || "following".equals(next);
    }

    /** Takes the literal that ends at the current position out, unless it stays as written. */
    private void literal(int start, String mark, @Nullable Object value) {
      afterAs = false;
      if (top() || TYPED.contains(lastWord)) {
        lastWord = "";
        return;
      }
      lastWord = "";
      shape.append(s, copied, start).append(mark).append(' ');
      copied = i;
      literals.add(value);
    }
  }
}
