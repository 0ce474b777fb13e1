package io.pluresdb.sql.policy;

import io.pluresdb.crdt.error.Errors;
import io.pluresdb.crdt.error.SqlState;
import io.pluresdb.crdt.schema.Catalog;
import io.pluresdb.crdt.schema.PolicyDef;
import io.pluresdb.crdt.schema.SchemaChange;
import io.pluresdb.crdt.schema.SqlTokens;
import io.pluresdb.crdt.schema.SqlTokens.Kind;
import io.pluresdb.crdt.schema.SqlTokens.Token;
import io.pluresdb.crdt.schema.TableDef;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Reads PostgreSQL's {@code CREATE POLICY name ON table [AS PERMISSIVE] [FOR ALL|SELECT|INSERT|
 * UPDATE|DELETE] [TO PUBLIC] [USING (expr)] [WITH CHECK (expr)]} and {@code DROP POLICY [IF EXISTS]
 * name ON table}, ahead of the SQL parser: the expressions are kept as text and evaluated where a
 * row is checked. {@code TO} names roles, which principals here do not have: only {@code PUBLIC} is
 * accepted. Restrictive policies are not supported.
 */
public final class PolicyStatements {
  private static final List<String> COMMANDS =
      List.of("ALL", "SELECT", "INSERT", "UPDATE", "DELETE");

  private PolicyStatements() {}

  /**
   * A CREATE or DROP POLICY: its schema change, and whether IF EXISTS makes a missing one a no-op.
   */
  public record Statement(SchemaChange change, boolean ifExists) {}

  /** A CREATE or DROP POLICY statement read, or null for any other statement. */
  public static @Nullable Statement read(String sql, Catalog catalog) throws SQLException {
    if (!sql.toUpperCase(Locale.ROOT).contains("POLICY")) {
      return null;
    }
    List<Token> t = SqlTokens.of(sql);
    if (t.size() < 2 || !t.get(1).is("POLICY") || !(t.get(0).is("CREATE") || t.get(0).is("DROP"))) {
      return null;
    }
    Tokens c = new Tokens(sql, t, 2);
    if (t.get(0).is("DROP")) {
      boolean ifExists = c.accept("IF");
      if (ifExists) {
        c.expect("EXISTS");
      }
      String name = c.name();
      c.expect("ON");
      String table = table(c.name(), catalog);
      c.end();
      return new Statement(new SchemaChange.DropPolicy(name, table), ifExists);
    }
    String name = c.name();
    c.expect("ON");
    String table = table(c.name(), catalog);
    if (c.accept("AS")) {
      c.expect("PERMISSIVE");
    }
    String command = "ALL";
    if (c.accept("FOR")) {
      String written = c.name();
      command = written.toUpperCase(Locale.ROOT);
      if (!COMMANDS.contains(command)) {
        throw c.error(
            "unknown command '" + written + "': expected ALL, SELECT, INSERT, UPDATE or DELETE");
      }
    }
    if (c.accept("TO")) {
      c.expect("PUBLIC");
    }
    String using = c.accept("USING") ? c.parenthesized() : null;
    String check = null;
    if (c.accept("WITH")) {
      c.expect("CHECK");
      check = c.parenthesized();
    }
    c.end();
    if (command.equals("INSERT") && using != null) {
      throw c.error("an INSERT policy has only a WITH CHECK expression");
    }
    if ((command.equals("SELECT") || command.equals("DELETE")) && check != null) {
      throw c.error("a " + command + " policy has only a USING expression");
    }
    PolicyDef p = new PolicyDef(name, table, command, using, check, text(sql));
    return new Statement(new SchemaChange.CreatePolicy(p), false);
  }

  /** The table's name as the catalog holds it, or as written when it has none (refused later). */
  private static String table(String written, Catalog catalog) {
    TableDef def = catalog.table(written);
    return def == null ? written : def.name();
  }

  private static String text(String sql) {
    String s = sql.strip();
    return s.endsWith(";") ? s.substring(0, s.length() - 1).strip() : s;
  }

  /** A position in the tokens, with a syntax error naming where the statement does not fit. */
  private static final class Tokens {
    private final String sql;
    private final List<Token> tokens;
    private int at;

    Tokens(String sql, List<Token> tokens, int at) {
      this.sql = sql;
      this.tokens = tokens;
      this.at = at;
    }

    boolean accept(String word) {
      if (at < tokens.size() && tokens.get(at).is(word)) {
        at++;
        return true;
      }
      return false;
    }

    void expect(String word) throws SQLException {
      if (!accept(word)) {
        throw error("expected " + word);
      }
    }

    String name() throws SQLException {
      if (at < tokens.size()
          && (tokens.get(at).kind() == Kind.WORD || tokens.get(at).kind() == Kind.QUOTED)) {
        return tokens.get(at++).name();
      }
      throw error("expected a name");
    }

    /** The text inside a balanced pair of parentheses, which it passes. */
    String parenthesized() throws SQLException {
      if (at >= tokens.size() || !tokens.get(at).isPunct('(')) {
        throw error("expected (");
      }
      int open = at;
      int depth = 0;
      for (; at < tokens.size(); at++) {
        Token k = tokens.get(at);
        if (k.isPunct('(')) {
          depth++;
        } else if (k.isPunct(')') && --depth == 0) {
          at++;
          if (at - open <= 2) {
            throw error("expected an expression");
          }
          return sql.substring(tokens.get(open + 1).start(), tokens.get(at - 2).end());
        }
      }
      throw error("expected )");
    }

    void end() throws SQLException {
      if (at < tokens.size() && tokens.get(at).isPunct(';')) {
        at++;
      }
      if (at < tokens.size()) {
        throw error("unexpected '" + tokens.get(at).text() + "'");
      }
    }

    SQLException error(String what) {
      String near = at < tokens.size() ? " near '" + tokens.get(at).text() + "'" : " at the end";
      return Errors.of(
          SqlState.SYNTAX_ERROR, "syntax error in policy statement" + near + ": " + what);
    }
  }
}
