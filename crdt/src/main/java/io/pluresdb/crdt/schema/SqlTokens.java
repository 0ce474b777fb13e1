package io.pluresdb.crdt.schema;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A tokenizer for SQLite's lexical rules, enough to find the parts of a trigger: strings, quoted
 * identifiers ({@code "x"}, {@code [x]}, {@code `x`}), comments, words and single punctuation. Each
 * token keeps its place in the text so that parts of the text can be cut out or replaced.
 */
public final class SqlTokens {
  /** A token: its kind, and its text's bounds [start, end) in the statement. */
  public record Token(Kind kind, String text, int start, int end) {
    /** True for a word equal to {@code word} ignoring case. */
    public boolean is(String word) {
      return kind == Kind.WORD && text.equalsIgnoreCase(word);
    }

    public boolean isPunct(char c) {
      return kind == Kind.PUNCT && text.length() == 1 && text.charAt(0) == c;
    }

    /** The name it spells: a word as written, a quoted identifier unquoted. */
    public String name() {
      return switch (kind) {
        case QUOTED -> {
          char q = text.charAt(0);
          String inner = text.substring(1, text.length() - 1);
          yield q == '[' ? inner : inner.replace(String.valueOf(q) + q, String.valueOf(q));
        }
        case STRING -> text.substring(1, text.length() - 1).replace("''", "'");
        default -> text;
      };
    }

    public String upper() {
      return text.toUpperCase(Locale.ROOT);
    }
  }

  public enum Kind {
    WORD,
    QUOTED,
    STRING,
    NUMBER,
    PUNCT
  }

  private SqlTokens() {}

  /**
   * {@code sql} with every identifier spelling {@code from} (ignoring case, quoted or not) replaced
   * by {@code to}, double-quoted: how SQLite rewrites the views and triggers that name a table it
   * renames. A column of the same name qualified by another table is renamed too, and a name after
   * a dot is left alone (a column, or a table named with its schema), where SQLite's own rewrite
   * resolves each name; such clashes are rare in practice.
   */
  public static String renameIdentifier(String sql, String from, String to) {
    StringBuilder out = new StringBuilder();
    int copied = 0;
    List<Token> tokens = of(sql);
    for (int i = 0; i < tokens.size(); i++) {
      Token t = tokens.get(i);
      boolean member = i > 0 && tokens.get(i - 1).isPunct('.');
      if ((t.kind() == Kind.WORD || t.kind() == Kind.QUOTED)
          && t.name().equalsIgnoreCase(from)
          && !member) {
        out.append(sql, copied, t.start()).append('"').append(to.replace("\"", "\"\"")).append('"');
        copied = t.end();
      }
    }
    return out.append(sql, copied, sql.length()).toString();
  }

  /** The tokens of {@code sql}, comments and white space left out. */
  public static List<Token> of(String sql) {
    List<Token> out = new ArrayList<>();
    int n = sql.length();
    int i = 0;
    while (i < n) {
      char c = sql.charAt(i);
      if (Character.isWhitespace(c)) {
        i++;
      } else if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-') {
        int e = sql.indexOf('\n', i);
        i = e < 0 ? n : e + 1;
      } else if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
        int e = sql.indexOf("*/", i + 2);
        i = e < 0 ? n : e + 2;
      } else if (c == '\'' || c == '"' || c == '`') {
        int e = closing(sql, i, c);
        out.add(new Token(c == '\'' ? Kind.STRING : Kind.QUOTED, sql.substring(i, e), i, e));
        i = e;
      } else if (c == '[') {
        int e = sql.indexOf(']', i);
        e = e < 0 ? n : e + 1;
        out.add(new Token(Kind.QUOTED, sql.substring(i, e), i, e));
        i = e;
      } else if (Character.isLetter(c) || c == '_' || c == '$') {
        int e = i + 1;
        while (e < n
            && (Character.isLetterOrDigit(sql.charAt(e)) || "_$".indexOf(sql.charAt(e)) >= 0)) {
          e++;
        }
        out.add(new Token(Kind.WORD, sql.substring(i, e), i, e));
        i = e;
      } else if (Character.isDigit(c)) {
        int e = i + 1;
        while (e < n && (Character.isLetterOrDigit(sql.charAt(e)) || sql.charAt(e) == '.')) {
          e++;
        }
        out.add(new Token(Kind.NUMBER, sql.substring(i, e), i, e));
        i = e;
      } else {
        out.add(new Token(Kind.PUNCT, String.valueOf(c), i, i + 1));
        i++;
      }
    }
    return out;
  }

  /** The end of a quoted run starting at {@code i}, a doubled quote being part of it. */
  private static int closing(String sql, int i, char q) {
    int j = i + 1;
    while (j < sql.length()) {
      if (sql.charAt(j) == q) {
        if (j + 1 < sql.length() && sql.charAt(j + 1) == q) {
          j += 2;
          continue;
        }
        return j + 1;
      }
      j++;
    }
    return sql.length();
  }
}
