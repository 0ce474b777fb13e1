package io.pluresdb.sql.shape;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Two SQLite statements compiled from two statements of one shape, made one: where they differ only
 * in a literal that each compiled from the same literal of its own statement, a parameter.
 * Everything else (words, names, spacing, other literals, the placeholders already there) must be
 * the same in both, or there is no template.
 *
 * @param sql the statement with a {@code ?} for each such literal
 * @param paramOrder per {@code ?}, in order: the placeholder's own entry where it was one already,
 *     else the index of the statement literal it binds
 */
record SqlTemplate(String sql, int[] paramOrder) {

  /**
   * The template of {@code a} and {@code b}, or null.
   *
   * @param orderA the parameter entries of the placeholders of {@code a}; {@code b}'s must be equal
   */
  static @Nullable SqlTemplate of(String a, int[] orderA, String b, int[] orderB, Slots slots) {
    List<int[]> ta = Tokens.of(a);
    List<int[]> tb = Tokens.of(b);
    if (ta == null || tb == null || ta.size() != tb.size()) {
      return null;
    }
    StringBuilder out = new StringBuilder(a.length());
    List<Integer> order = new ArrayList<>();
    int placeholder = 0;
    int endA = 0;
    int endB = 0;
    for (int t = 0; t < ta.size(); t++) {
      int[] x = ta.get(t);
      int[] y = tb.get(t);
      if (!a.substring(endA, x[0]).equals(b.substring(endB, y[0]))) {
        return null;
      }
      out.append(a, endA, x[0]);
      String sx = a.substring(x[0], x[1]);
      String sy = b.substring(y[0], y[1]);
      endA = x[1];
      endB = y[1];
      if ("?".equals(sx) && "?".equals(sy)) {
        if (placeholder >= orderA.length
            || placeholder >= orderB.length
            || orderA[placeholder] != orderB[placeholder]) {
          return null;
        }
        order.add(orderA[placeholder++]);
        out.append('?');
      } else if (sx.equals(sy)) {
        out.append(sx);
      } else {
        int slot = slots.of(value(sx), value(sy));
        if (slot < 0) {
          return null;
        }
        order.add(slot);
        out.append('?');
      }
    }
    if (!a.substring(endA).equals(b.substring(endB)) || placeholder != orderA.length) {
      return null;
    }
    out.append(a, endA, a.length());
    return new SqlTemplate(out.toString(), order.stream().mapToInt(Integer::intValue).toArray());
  }

  /** The value of a literal token as the statement scanners read it, or null when it is none. */
  private static @Nullable Object value(String token) {
    char c = token.charAt(0);
    if (c == '\'') {
      return SqlLexer.unquote(token.substring(1, token.length() - 1));
    }
    if ((c == 'x' || c == 'X') && token.length() > 1 && token.charAt(1) == '\'') {
      return Hex.bytes(token.substring(2, token.length() - 1));
    }
    if (c >= '0' && c <= '9') {
      if (token.chars().allMatch(Character::isDigit)) {
        return token.length() <= 18 ? Long.parseLong(token) : null;
      }
      return token.chars().allMatch(d -> Character.isDigit(d) || d == '.')
          ? new BigDecimal(token)
          : null;
    }
    return null;
  }

  @Override
  public int[] paramOrder() {
    return paramOrder.clone();
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof SqlTemplate t
        && sql.equals(t.sql)
        && java.util.Arrays.equals(paramOrder, t.paramOrder);
  }

  @Override
  public int hashCode() {
    return sql.hashCode() * 31 + java.util.Arrays.hashCode(paramOrder);
  }

  @Override
  public String toString() {
    return sql + " " + java.util.Arrays.toString(paramOrder);
  }

  /** The tokens of a compiled statement, each as its start and end; blanks between them. */
  private static final class Tokens extends SqlLexer {
    Tokens(String sql) {
      super(sql);
    }

    static @Nullable List<int[]> of(String sql) {
      return new Tokens(sql).all();
    }

    private @Nullable List<int[]> all() {
      List<int[]> tokens = new ArrayList<>();
      while (true) {
        while (i < n && Character.isWhitespace(s.charAt(i))) {
          i++;
        }
        if (i >= n) {
          return tokens;
        }
        int start = i;
        char c = s.charAt(i);
        boolean ended = true;
        if (c == '\'') {
          ended = string();
        } else if ((c == 'x' || c == 'X') && i + 1 < n && s.charAt(i + 1) == '\'') {
          i++;
          ended = string();
        } else if (c == '"' || c == '`' || c == '[') {
          ended = quotedName();
        } else if (identStart(c) || c >= '0' && c <= '9') {
          while (i < n && (Character.isLetterOrDigit(s.charAt(i)) || s.charAt(i) == '_')) {
            i++;
          }
          if (c <= '9' && i < n && s.charAt(i) == '.') {
            i++;
            while (i < n && (Character.isLetterOrDigit(s.charAt(i)) || s.charAt(i) == '_')) {
              i++; // the fraction, and an exponent that makes it no literal this reads
            }
          }
        } else {
          i++;
        }
        if (!ended) {
          return null;
        }
        tokens.add(new int[] {start, i});
      }
    }
  }
}
