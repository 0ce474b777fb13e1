package io.pluresdb.tck.compat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Splits a SQL script into statements the way SQLite's shell does: at a semicolon outside string
 * literals, quoted identifiers ({@code "x"}, {@code [x]}, {@code `x`}) and comments, except inside
 * a {@code CREATE TRIGGER … BEGIN … END} body.
 */
final class ScriptSplitter {
  private ScriptSplitter() {}

  /** One statement and the line of the script it starts on. */
  record Statement(int line, String sql) {}

  static List<Statement> split(String script) {
    List<Statement> out = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    int line = 1;
    int startLine = -1;
    int i = 0;
    int n = script.length();
    while (i < n) {
      char c = script.charAt(i);
      if (c == '-' && i + 1 < n && script.charAt(i + 1) == '-') {
        int end = script.indexOf('\n', i);
        i = end < 0 ? n : end;
        continue;
      }
      if (c == '/' && i + 1 < n && script.charAt(i + 1) == '*') {
        int end = script.indexOf("*/", i + 2);
        int stop = end < 0 ? n : end + 2;
        line += count(script, i, stop);
        i = stop;
        continue;
      }
      if (c == '\'' || c == '"' || c == '`' || c == '[') {
        char close = c == '[' ? ']' : c;
        int j = i + 1;
        while (j < n && script.charAt(j) != close) {
          j++;
        }
        int stop = Math.min(n, j + 1);
        if (startLine < 0) {
          startLine = line;
        }
        current.append(script, i, stop);
        line += count(script, i, stop);
        i = stop;
        continue;
      }
      if (c == ';' && !insideTrigger(current)) {
        add(out, current, startLine);
        current.setLength(0);
        startLine = -1;
        i++;
        continue;
      }
      if (c == '\n') {
        line++;
      } else if (startLine < 0 && !Character.isWhitespace(c)) {
        startLine = line;
      }
      current.append(c);
      i++;
    }
    add(out, current, startLine);
    return out;
  }

  private static void add(List<Statement> out, StringBuilder sql, int line) {
    String text = sql.toString().strip();
    if (!text.isEmpty()) {
      out.add(new Statement(line, text));
    }
  }

  /** A trigger body holds semicolons; its statement ends at the semicolon after {@code END}. */
  private static boolean insideTrigger(StringBuilder sql) {
    String text = sql.toString().strip().toUpperCase(Locale.ROOT);
    if (!text.matches("(?s)CREATE\\s+(TEMP\\s+|TEMPORARY\\s+)?TRIGGER\\b.*")) {
      return false;
    }
    return !text.matches("(?s).*\\bEND$");
  }

  private static int count(String s, int from, int to) {
    int lines = 0;
    for (int k = from; k < to; k++) {
      if (s.charAt(k) == '\n') {
        lines++;
      }
    }
    return lines;
  }
}
