package io.pluresdb.sync.scope;

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
 * Reads {@code CREATE SCOPE name AS SELECT * FROM table [WHERE condition]} and {@code DROP SCOPE
 * [IF EXISTS] name}. A scope's condition runs on the serving node, so it is held to a condition
 * over the table's own columns: no subquery, no second statement, balanced parentheses. What rows a
 * user may read across tables is the read policies' business, on the serving node.
 */
public final class ScopeStatements {
  private static final Set<String> FORBIDDEN =
      Set.of(
          "SELECT", "FROM", "UNION", "ATTACH", "PRAGMA", "WITH", "VALUES", "INTERSECT", "EXCEPT");

  private ScopeStatements() {}

  /**
   * A scope statement read.
   *
   * @param create the scope a CREATE SCOPE declares, or null for a DROP SCOPE
   * @param drop the name a DROP SCOPE drops, or null for a CREATE SCOPE
   * @param ifExists DROP SCOPE IF EXISTS
   */
  public record Statement(@Nullable Scope create, @Nullable String drop, boolean ifExists) {}

  /** The scope statement {@code sql} is, or null for any other statement. */
  public static @Nullable Statement read(String sql) throws SQLException {
    // every statement a session prepares passes here: look at its first word before tokenizing
    int at = 0;
    while (at < sql.length() && Character.isWhitespace(sql.charAt(at))) {
      at++;
    }
    boolean ddl =
        sql.regionMatches(true, at, "CREATE", 0, 6) || sql.regionMatches(true, at, "DROP", 0, 4);
    if (!ddl || !sql.toUpperCase(Locale.ROOT).contains("SCOPE")) {
      return null;
    }
    List<Token> t = SqlTokens.of(sql);
    int n = t.size();
    while (n > 0 && t.get(n - 1).isPunct(';')) {
      n--;
    }
    if (n < 3 || !t.get(1).is("SCOPE") || !(t.get(0).is("CREATE") || t.get(0).is("DROP"))) {
      return null;
    }
    if (t.get(0).is("DROP")) {
      boolean ifExists = n == 5 && t.get(2).is("IF") && t.get(3).is("EXISTS");
      if (n != (ifExists ? 5 : 3) || !named(t.get(n - 1))) {
        throw syntax(sql, "expected DROP SCOPE [IF EXISTS] name");
      }
      return new Statement(null, t.get(n - 1).name(), ifExists);
    }
    if (n < 8
        || !named(t.get(2))
        || !t.get(3).is("AS")
        || !t.get(4).is("SELECT")
        || !t.get(5).isPunct('*')
        || !t.get(6).is("FROM")
        || !named(t.get(7))
        || (n > 8 && (!t.get(8).is("WHERE") || n == 9))) {
      throw syntax(sql, "expected CREATE SCOPE name AS SELECT * FROM table [WHERE condition]");
    }
    String where = null;
    if (n > 8) {
      where = sql.substring(t.get(9).start(), t.get(n - 1).end()).trim();
      String wrong = unfit(where);
      if (wrong != null) {
        throw syntax(sql, "the condition of scope " + t.get(2).name() + " " + wrong);
      }
    }
    return new Statement(new Scope(t.get(2).name(), t.get(7).name(), where), null, false);
  }

  /**
   * The scopes of {@code statements}, CREATE SCOPE statements separated by {@code ;} (the {@code
   * scopes} connection property); none for null or blank.
   */
  public static List<Scope> readAll(@Nullable String statements) throws SQLException {
    List<Scope> out = new java.util.ArrayList<>();
    if (statements == null || statements.isBlank()) {
      return out;
    }
    int from = 0;
    for (Token k : SqlTokens.of(statements)) {
      if (k.isPunct(';')) {
        add(statements.substring(from, k.start()), out);
        from = k.end();
      }
    }
    add(statements.substring(from), out);
    return out;
  }

  private static void add(String sql, List<Scope> out) throws SQLException {
    if (sql.isBlank()) {
      return;
    }
    Statement s = read(sql);
    if (s == null || s.create() == null) {
      throw Errors.of(SqlState.INVALID_PARAMETER_VALUE, "scopes: not a CREATE SCOPE: " + sql);
    }
    out.add(s.create());
  }

  /**
   * Why {@code where} is not a condition a scope may carry, or null when it is one: a serving node
   * checks every condition it is sent.
   */
  public static @Nullable String unfit(String where) {
    int depth = 0;
    for (Token k : SqlTokens.of(where)) {
      if (k.isPunct('(')) {
        depth++;
      } else if (k.isPunct(')') && --depth < 0) {
        return "closes a parenthesis it did not open";
      } else if (k.isPunct(';')) {
        return "holds a second statement";
      } else if (k.kind() == SqlTokens.Kind.WORD && FORBIDDEN.contains(k.upper())) {
        return "may only test the table's own columns (found " + k.upper() + ")";
      }
    }
    return depth == 0 ? null : "leaves a parenthesis open";
  }

  private static boolean named(Token k) {
    return k.kind() == SqlTokens.Kind.WORD || k.kind() == SqlTokens.Kind.QUOTED;
  }

  private static SQLException syntax(String sql, String what) {
    return Errors.of(SqlState.SYNTAX_ERROR, what + ": " + sql);
  }
}
