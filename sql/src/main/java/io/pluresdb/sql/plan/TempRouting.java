package io.pluresdb.sql.plan;

import io.pluresdb.crdt.error.Errors;
import io.pluresdb.crdt.error.SqlState;
import io.pluresdb.crdt.schema.SqlTokens;
import io.pluresdb.crdt.schema.SqlTokens.Token;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Tells which statements belong to a connection's TEMP objects ({@code CREATE TEMP TABLE}, {@code
 * CREATE TEMP VIEW}, a {@code temp.}-qualified name). As in SQLite, such objects are the
 * connection's own: they live in the TEMP schema of the session's SQLite connection, are never
 * replicated nor written to the log, and vanish with the connection. A statement that creates,
 * drops or alters one, writes to one, or reads one (alone or joined with replicated tables) is run
 * by that connection as written, where SQLite resolves an unqualified name to the TEMP object
 * first: a TEMP table shadows a replicated table of the same name. Every other statement is planned
 * as usual and never sees TEMP objects, so a write to a replicated table stays an operation of the
 * log and cannot take its rows from a TEMP table.
 */
public final class TempRouting {
  /** What a TEMP statement does. */
  public enum Kind {
    /** Reads (SELECT, VALUES, PRAGMA, EXPLAIN); may join replicated tables. */
    QUERY,
    /** INSERT, REPLACE, UPDATE or DELETE on a TEMP table. */
    WRITE,
    /** CREATE, DROP or ALTER of a TEMP object, which changes the session's TEMP names. */
    DDL
  }

  private TempRouting() {}

  /**
   * The kind of {@code sql} when it belongs to the TEMP objects named {@code temps} (lower case),
   * else null.
   *
   * @throws SQLException 0A000 for a TEMP trigger on a replicated table, or one whose body writes a
   *     table that is not TEMP (outside the log)
   */
  public static @Nullable Kind route(String sql, Set<String> temps) throws SQLException {
    if (temps.isEmpty() && !mayNameTemp(sql)) {
      return null;
    }
    List<Token> t = SqlTokens.of(sql);
    int n = t.size();
    while (n > 0 && t.get(n - 1).isPunct(';')) {
      n--;
    }
    t = t.subList(0, n);
    if (t.isEmpty()) {
      return null;
    }
    Token first = t.get(0);
    if (first.is("CREATE")) {
      return create(t, temps);
    } else if (first.is("DROP")) {
      int i = skip(t, 2, "IF", "EXISTS");
      return isTemp(t, i, temps) ? Kind.DDL : null;
    } else if (first.is("ALTER")) {
      return isTemp(t, 2, temps) ? Kind.DDL : null;
    } else if (first.is("EXPLAIN")) {
      return mentions(t, temps) ? Kind.QUERY : null;
    }
    int main = first.is("WITH") ? mainKeyword(t) : 0;
    if (main < 0) {
      return null;
    }
    Token verb = t.get(main);
    if (verb.is("SELECT") || verb.is("VALUES") || first.is("PRAGMA")) {
      return mentions(t, temps) ? Kind.QUERY : null;
    }
    int target;
    if (verb.is("INSERT") || verb.is("REPLACE")) {
      target = after(t, main, "INTO");
    } else if (verb.is("UPDATE")) {
      target = t.size() > main + 1 && t.get(main + 1).is("OR") ? main + 3 : main + 1;
    } else if (verb.is("DELETE")) {
      target = after(t, main, "FROM");
    } else {
      return null;
    }
    return target >= 0 && isTemp(t, target, temps) ? Kind.WRITE : null;
  }

  /** A cheap test before tokenizing: no TEMP object exists yet, so only the word can make one. */
  private static boolean mayNameTemp(String sql) {
    int len = sql.length();
    for (int i = 0; i + 4 <= len; i++) {
      char c = sql.charAt(i);
      // the first letter before the case-blind comparison: this runs for every statement
      if ((c == 't' || c == 'T') && sql.regionMatches(true, i, "temp", 0, 4)) {
        return true;
      }
    }
    return false;
  }

  private static @Nullable Kind create(List<Token> t, Set<String> temps) throws SQLException {
    int i = 1;
    boolean temp = false;
    if (i < t.size() && (t.get(i).is("TEMP") || t.get(i).is("TEMPORARY"))) {
      temp = true;
      i++;
    }
    if (i < t.size() && t.get(i).is("UNIQUE")) {
      i++;
    }
    if (i >= t.size()) {
      return null;
    }
    Token what = t.get(i);
    int name = skip(t, i + 1, "IF", "NOT", "EXISTS");
    if (what.is("TRIGGER")) {
      return trigger(t, name, temp || qualifiedTemp(t, name), temps);
    }
    if (what.is("TABLE") || what.is("VIEW")) {
      return temp || qualifiedTemp(t, name) ? Kind.DDL : null;
    }
    if (what.is("INDEX")) {
      // SQLite keeps an index in its table's schema: one on a TEMP table is TEMP too
      int on = after(t, name, "ON") - 1;
      return on >= 0 && isTemp(t, on + 1, temps) ? Kind.DDL : null;
    }
    return null;
  }

  /**
   * A trigger on a TEMP table is a TEMP trigger (SQLite puts a trigger in its table's schema), run
   * by the session's connection as written. It may write TEMP tables only: a write of its body to a
   * replicated table would bypass the log there. A TEMP trigger on a replicated table would fire
   * for this connection's writes alone, which the store makes elsewhere.
   */
  private static @Nullable Kind trigger(
      List<Token> t, int name, boolean declaredTemp, Set<String> temps) throws SQLException {
    int on = after(t, name, "ON");
    boolean onTemp = on >= 0 && isTemp(t, on, temps);
    if (!onTemp) {
      if (declaredTemp) {
        throw Errors.of(
            SqlState.FEATURE_NOT_SUPPORTED,
            "CREATE TEMP TRIGGER on a replicated table is not supported: a TEMP trigger may be"
                + " created on a TEMP table");
      }
      return null;
    }
    int begin = after(t, on, "BEGIN");
    for (int i = Math.max(begin, 0); begin >= 0 && i < t.size(); i++) {
      int target = writeTarget(t, i);
      if (target >= 0 && !isTemp(t, target, temps)) {
        throw Errors.of(
            SqlState.FEATURE_NOT_SUPPORTED,
            "trigger "
                + nameOf(t.get(Math.min(name, t.size() - 1)))
                + " on a TEMP table writes '"
                + nameOf(t.get(target))
                + "', which is not a TEMP table: its writes would bypass the log");
      }
    }
    return Kind.DDL;
  }

  /** The position of the table written by a write verb at {@code i}, or -1. */
  private static int writeTarget(List<Token> t, int i) {
    Token k = t.get(i);
    if ((k.is("INSERT") || k.is("REPLACE")) && i + 1 < t.size() && !t.get(i + 1).isPunct('(')) {
      return after(t, i, "INTO");
    }
    if (k.is("UPDATE") && i + 1 < t.size() && !t.get(i + 1).is("SET")) {
      return t.get(i + 1).is("OR") ? i + 3 : i + 1;
    }
    if (k.is("DELETE") && i + 1 < t.size() && t.get(i + 1).is("FROM")) {
      return i + 2;
    }
    return -1;
  }

  /** True when the (possibly qualified) name starting at {@code i} is a TEMP object. */
  private static boolean isTemp(List<Token> t, int i, Set<String> temps) {
    if (i >= t.size()) {
      return false;
    }
    if (i + 2 < t.size() && t.get(i + 1).isPunct('.')) {
      return isTempSchema(t.get(i));
    }
    Token name = t.get(i);
    return isName(name) && temps.contains(lower(nameOf(name)));
  }

  private static boolean qualifiedTemp(List<Token> t, int i) {
    return i + 2 < t.size() && t.get(i + 1).isPunct('.') && isTempSchema(t.get(i));
  }

  private static boolean isTempSchema(Token schema) {
    String s = lower(nameOf(schema));
    return isName(schema) && (s.equals("temp") || s.equals("temporary"));
  }

  /** True when the statement names a TEMP object, the TEMP schema, or SQLite's TEMP catalog. */
  private static boolean mentions(List<Token> t, Set<String> temps) {
    for (int i = 0; i < t.size(); i++) {
      Token k = t.get(i);
      if (!isName(k)) {
        continue;
      }
      String name = lower(nameOf(k));
      if (temps.contains(name)
          || name.equals("sqlite_temp_schema")
          || name.equals("sqlite_temp_master")
          || (i + 1 < t.size() && t.get(i + 1).isPunct('.') && isTempSchema(k))) {
        return true;
      }
    }
    return false;
  }

  /** The position of the statement's own verb after a WITH clause, or -1. */
  private static int mainKeyword(List<Token> t) {
    int depth = 0;
    for (int i = 1; i < t.size(); i++) {
      Token k = t.get(i);
      if (k.isPunct('(')) {
        depth++;
      } else if (k.isPunct(')')) {
        depth--;
      } else if (depth == 0
          && (k.is("SELECT")
              || k.is("VALUES")
              || k.is("INSERT")
              || k.is("REPLACE")
              || k.is("UPDATE")
              || k.is("DELETE"))) {
        return i;
      }
    }
    return -1;
  }

  /** The position after the first {@code word} at or after {@code from}, or -1. */
  private static int after(List<Token> t, int from, String word) {
    for (int i = Math.max(from, 0); i < t.size(); i++) {
      if (t.get(i).is(word)) {
        return i + 1;
      }
    }
    return -1;
  }

  /** {@code i} moved past the optional words, in order, that stand there. */
  private static int skip(List<Token> t, int i, String... words) {
    if (i < t.size() && t.get(i).is(words[0])) {
      return i + words.length;
    }
    return i;
  }

  private static boolean isName(Token k) {
    return k.kind() == SqlTokens.Kind.WORD || k.kind() == SqlTokens.Kind.QUOTED;
  }

  /** The name a token spells; a lone quote left open at the end of the text spells itself. */
  private static String nameOf(Token k) {
    return k.kind() == SqlTokens.Kind.QUOTED && k.text().length() < 2 ? k.text() : k.name();
  }

  private static String lower(String s) {
    return s.toLowerCase(Locale.ROOT);
  }
}
