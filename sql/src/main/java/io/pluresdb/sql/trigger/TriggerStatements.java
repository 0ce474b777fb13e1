package io.pluresdb.sql.trigger;

import io.pluresdb.crdt.error.Errors;
import io.pluresdb.crdt.error.SqlState;
import io.pluresdb.crdt.schema.Catalog;
import io.pluresdb.crdt.schema.SchemaChange;
import io.pluresdb.crdt.schema.SqlTokens;
import io.pluresdb.crdt.schema.SqlTokens.Token;
import io.pluresdb.crdt.schema.TableDef;
import io.pluresdb.crdt.schema.TriggerDef;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Reads {@code CREATE TRIGGER} and {@code DROP TRIGGER} with SQLite's grammar, ahead of the SQL
 * parser: a trigger's body is a list of statements, kept as text and planned when the trigger
 * fires, against the schema of that moment, as SQLite does.
 */
public final class TriggerStatements {
  private TriggerStatements() {}

  /**
   * A CREATE or DROP TRIGGER: its schema change, and whether IF EXISTS or IF NOT EXISTS makes a
   * missing or existing trigger a no-op.
   */
  public record Statement(SchemaChange change, boolean ifExists, boolean ifNotExists) {}

  /** A CREATE or DROP TRIGGER statement read, or null for any other statement. */
  public static @Nullable Statement read(String sql, Catalog catalog) throws SQLException {
    if (!mentionsTrigger(sql)) {
      return null;
    }
    List<Token> t = SqlTokens.of(sql);
    Cursor c = new Cursor(sql, t);
    if (c.accept("DROP")) {
      if (!c.accept("TRIGGER")) {
        return null;
      }
      boolean ifExists = c.accept("IF");
      if (ifExists) {
        c.expect("EXISTS");
      }
      String name = c.qualifiedName();
      c.end();
      return new Statement(new SchemaChange.DropTrigger(name), ifExists, false);
    }
    if (!c.accept("CREATE")) {
      return null;
    }
    if (!c.accept("TEMP") && !c.accept("TEMPORARY") && !c.peek("TRIGGER")) {
      return null;
    }
    if (!c.accept("TRIGGER")) {
      return null;
    }
    boolean ifNotExists = c.accept("IF");
    if (ifNotExists) {
      c.expect("NOT");
      c.expect("EXISTS");
    }
    String name = c.qualifiedName();
    String timing = "BEFORE";
    if (c.accept("BEFORE")) {
      timing = "BEFORE";
    } else if (c.accept("AFTER")) {
      timing = "AFTER";
    } else if (c.accept("INSTEAD")) {
      c.expect("OF");
      timing = "INSTEAD OF";
    }
    String event = c.oneOf("INSERT", "UPDATE", "DELETE");
    List<String> columns = new ArrayList<>();
    if (event.equals("UPDATE") && c.accept("OF")) {
      do {
        columns.add(c.name());
      } while (c.acceptPunct(','));
    }
    c.expect("ON");
    // kept as written, as SQLite's sqlite_schema.tbl_name shows it; it matches in any case
    String table = c.qualifiedName();
    if (c.accept("FOR")) {
      c.expect("EACH");
      c.expect("ROW");
    }
    String when = null;
    if (c.accept("WHEN")) {
      when = c.textUntil("BEGIN");
    }
    c.expect("BEGIN");
    List<String> body = c.statementsUntilEnd();
    c.end();
    TableDef def = catalog.table(table);
    if (def != null) {
      columns.replaceAll(col -> column(def, col));
    }
    TriggerDef trigger = new TriggerDef(name, table, text(sql), timing, event, columns, when, body);
    return new Statement(new SchemaChange.CreateTrigger(trigger), false, ifNotExists);
  }

  /** The statement as SQLite keeps it in sqlite_schema: without the closing semicolon. */
  private static String text(String sql) {
    String s = sql.strip();
    return s.endsWith(";") ? s.substring(0, s.length() - 1).strip() : s;
  }

  private static boolean mentionsTrigger(String sql) {
    int i = 0;
    while (i < sql.length() && !Character.isLetter(sql.charAt(i))) {
      i++;
    }
    return (sql.regionMatches(true, i, "CREATE", 0, 6) || sql.regionMatches(true, i, "DROP", 0, 4))
        && sql.toUpperCase(java.util.Locale.ROOT).contains("TRIGGER");
  }

  private static String column(TableDef t, String name) {
    return t.columns().stream()
        .map(col -> col.name())
        .filter(n -> n.equalsIgnoreCase(name))
        .findFirst()
        .orElse(name);
  }

  /** A position in the tokens, with SQLite's error for what does not fit. */
  private static final class Cursor {
    private final String sql;
    private final List<Token> tokens;
    private int at;

    Cursor(String sql, List<Token> tokens) {
      this.sql = sql;
      this.tokens = tokens;
    }

    boolean peek(String word) {
      return at < tokens.size() && tokens.get(at).is(word);
    }

    boolean accept(String word) {
      if (peek(word)) {
        at++;
        return true;
      }
      return false;
    }

    boolean acceptPunct(char c) {
      if (at < tokens.size() && tokens.get(at).isPunct(c)) {
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

    String oneOf(String... words) throws SQLException {
      for (String w : words) {
        if (accept(w)) {
          return w;
        }
      }
      throw error("expected " + String.join(" or ", words));
    }

    String name() throws SQLException {
      if (at < tokens.size()
          && (tokens.get(at).kind() == SqlTokens.Kind.WORD
              || tokens.get(at).kind() == SqlTokens.Kind.QUOTED
              || tokens.get(at).kind() == SqlTokens.Kind.STRING)) {
        return tokens.get(at++).name();
      }
      throw error("expected a name");
    }

    /** {@code [schema.]name}: the schema is SQLite's main one, so only the name counts. */
    String qualifiedName() throws SQLException {
      String n = name();
      if (acceptPunct('.')) {
        n = name();
      }
      return n;
    }

    /** The text from here to the word {@code stop} (not included). */
    String textUntil(String stop) throws SQLException {
      int from = at;
      while (at < tokens.size() && !tokens.get(at).is(stop)) {
        at++;
      }
      if (at == from || at == tokens.size()) {
        throw error("expected an expression and " + stop);
      }
      return sql.substring(tokens.get(from).start(), tokens.get(at - 1).end());
    }

    /** The body's statements, each ended by a semicolon, up to and past the closing END. */
    List<String> statementsUntilEnd() throws SQLException {
      List<String> body = new ArrayList<>();
      while (true) {
        if (accept("END")) {
          if (body.isEmpty()) {
            throw error("a trigger's body needs at least one statement");
          }
          acceptPunct(';');
          return body;
        }
        int from = at;
        while (at < tokens.size() && !tokens.get(at).isPunct(';')) {
          at++;
        }
        if (at == tokens.size()) {
          throw error("expected ; and END");
        }
        if (at > from) {
          body.add(sql.substring(tokens.get(from).start(), tokens.get(at - 1).end()));
        }
        at++;
      }
    }

    void end() throws SQLException {
      acceptPunct(';');
      if (at < tokens.size()) {
        throw error("unexpected '" + tokens.get(at).text() + "'");
      }
    }

    private SQLException error(String what) {
      String near = at < tokens.size() ? " near '" + tokens.get(at).text() + "'" : " at the end";
      return Errors.of(
          SqlState.SYNTAX_ERROR, "syntax error in trigger statement" + near + ": " + what);
    }
  }
}
