package io.pluresdb.tck.slt;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Applies a script's {@code skipif}/{@code onlyif}/{@code halt} lines as SQLite's own runner does,
 * because the corpus library's parser applies PostgreSQL's choice instead (it would run {@code
 * skipif sqlite} records, drop {@code onlyif sqlite} ones and stop at {@code skipif sqlite halt}).
 *
 * <p>A record runs on SQLite unless one of its conditions is {@code skipif sqlite} or {@code onlyif
 * <other engine>}. The result is the script text with the records SQLite skips and every condition
 * line removed, plus the source line of each kept record's header, so that the library's parser
 * sees only what SQLite would run and failures are still named by their line in the original.
 */
final class SqliteConditions {
  private static final String ENGINE = "sqlite";

  final List<String> text = new ArrayList<>();
  final List<Integer> headerLines = new ArrayList<>();

  private SqliteConditions() {}

  static SqliteConditions apply(List<String> source) {
    SqliteConditions result = new SqliteConditions();
    int i = 0;
    while (i < source.size()) {
      String line = source.get(i).trim();
      if (line.isEmpty() || line.startsWith("#")) {
        i++;
        continue;
      }
      boolean runs = true;
      while (i < source.size() && isCondition(source.get(i).trim())) {
        runs &= runsOnSqlite(source.get(i).trim());
        i++;
      }
      if (i >= source.size()) {
        break;
      }
      int header = i;
      String head = source.get(header).trim();
      int end = header;
      while (end < source.size() && !source.get(end).trim().isEmpty()) {
        end++;
      }
      if (head.startsWith("halt")) {
        if (runs) {
          break;
        }
      } else if (runs) {
        if (head.startsWith("statement") || head.startsWith("query")) {
          result.headerLines.add(header + 1);
        }
        result.text.addAll(source.subList(header, end));
        result.text.add("");
      }
      i = end;
    }
    return result;
  }

  private static boolean isCondition(String line) {
    return line.startsWith("skipif ") || line.startsWith("onlyif ");
  }

  private static boolean runsOnSqlite(String condition) {
    String engine = condition.substring("skipif ".length()).trim().split("\\s+", 2)[0];
    boolean sqlite = engine.toLowerCase(Locale.ROOT).equals(ENGINE);
    return condition.startsWith("skipif") ? !sqlite : sqlite;
  }
}
