package io.pluresdb.crdt.schema;

import io.pluresdb.crdt.schema.SqlTokens.Kind;
import io.pluresdb.crdt.schema.SqlTokens.Token;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Follows {@code ALTER TABLE t RENAME COLUMN c TO d} through the text of the views and triggers
 * that name the column, as SQLite rewrites them since 3.25. A name is rewritten when it is {@code
 * c} qualified by {@code t}, by an alias of {@code t} or (in a trigger on {@code t}) by {@code NEW}
 * or {@code OLD}, or when it is {@code c} unqualified in a statement that names {@code t} and no
 * other table of that statement has a column {@code c}; a name after {@code AS} (an alias) is left
 * alone. SQLite resolves each name in its scope; this reading of the text agrees with it for the
 * statements views and triggers hold in practice.
 */
public final class ColumnRenames {
  private static final Set<String> NOT_ALIASES =
      Set.of(
          "ON",
          "WHERE",
          "JOIN",
          "LEFT",
          "RIGHT",
          "FULL",
          "INNER",
          "CROSS",
          "NATURAL",
          "OUTER",
          "GROUP",
          "ORDER",
          "LIMIT",
          "SET",
          "VALUES",
          "USING",
          "UNION",
          "EXCEPT",
          "INTERSECT",
          "WINDOW",
          "HAVING",
          "SELECT",
          "RETURNING",
          "INDEXED",
          "NOT",
          "DEFAULT",
          "WHEN",
          "BEGIN",
          "FOR",
          "END");

  private ColumnRenames() {}

  /** {@code cat} with its views and triggers rewritten for the rename of {@code table.from}. */
  public static Catalog apply(Catalog cat, String table, String from, String to) {
    Map<String, ViewDef> views = new HashMap<>();
    for (ViewDef v : cat.views().values()) {
      String sql = v.sql() == null ? null : statement(cat, v.sql(), table, from, to, false);
      List<ColumnDef> cols = v.columns();
      if (sql != null && !sql.equals(v.sql()) && !names(sql, from)) {
        // the view's column took the column's name, which it now takes anew
        cols = new ArrayList<>();
        for (ColumnDef c : v.columns()) {
          cols.add(c.name().equalsIgnoreCase(from) ? renamed(c, to) : c);
        }
      }
      views.put(v.name(), sql == null ? v : new ViewDef(v.name(), sql, cols));
    }
    Map<String, TriggerDef> triggers = new HashMap<>();
    for (TriggerDef t : cat.triggers().values()) {
      triggers.put(t.name(), trigger(cat, t, table, from, to));
    }
    return new Catalog(
        cat.version(),
        cat.tables(),
        cat.indexes(),
        views,
        cat.sequences(),
        triggers,
        cat.settings(),
        cat.policies());
  }

  private static ColumnDef renamed(ColumnDef c, String to) {
    return new ColumnDef(
        to, c.type(), c.precision(), c.scale(), c.nullable(), c.defaultSql(), c.autoIncrement());
  }

  private static TriggerDef trigger(
      Catalog cat, TriggerDef t, String table, String from, String to) {
    boolean on = Names.same(t.table(), table);
    List<String> body = new ArrayList<>();
    for (String s : t.body()) {
      body.add(statement(cat, s, table, from, to, on));
    }
    String when = t.when() == null ? null : statement(cat, t.when(), table, from, to, on);
    List<String> columns = new ArrayList<>();
    for (String c : t.columns()) {
      columns.add(on && c.equalsIgnoreCase(from) ? to : c);
    }
    return new TriggerDef(
        t.name(),
        t.table(),
        text(cat, t, table, from, to),
        t.timing(),
        t.event(),
        columns,
        when,
        body);
  }

  /** The CREATE TRIGGER text: its UPDATE OF list and WHEN, then each body statement. */
  private static String text(Catalog cat, TriggerDef t, String table, String from, String to) {
    boolean on = Names.same(t.table(), table);
    String sql = t.sql();
    List<Token> tokens = SqlTokens.of(sql);
    StringBuilder out = new StringBuilder();
    int copied = 0;
    int i = 0;
    boolean inOf = false;
    for (; i < tokens.size() && !tokens.get(i).is("BEGIN"); i++) {
      Token k = tokens.get(i);
      if (k.is("OF") && i > 0 && tokens.get(i - 1).is("UPDATE")) {
        inOf = true;
      } else if (k.is("ON")) {
        inOf = false;
      } else if (on && named(k, from) && (inOf || qualifiedByRow(tokens, i))) {
        out.append(sql, copied, k.start()).append(spell(k, to));
        copied = k.end();
      }
    }
    int from0 = i + 1;
    for (int j = from0; j < tokens.size(); j++) {
      if (tokens.get(j).isPunct(';') && j > from0) {
        int start = tokens.get(from0).start();
        int end = tokens.get(j - 1).end();
        out.append(sql, copied, start)
            .append(statement(cat, sql.substring(start, end), table, from, to, on));
        copied = end;
        from0 = j + 1;
      } else if (tokens.get(j).isPunct(';')) {
        from0 = j + 1;
      }
    }
    return out.append(sql, copied, sql.length()).toString();
  }

  private static boolean qualifiedByRow(List<Token> tokens, int i) {
    return i > 1
        && tokens.get(i - 1).isPunct('.')
        && (tokens.get(i - 2).is("NEW") || tokens.get(i - 2).is("OLD"));
  }

  /** One statement (or expression) rewritten. */
  static String statement(
      Catalog cat, String sql, String table, String from, String to, boolean newOld) {
    List<Token> tokens = SqlTokens.of(sql);
    Set<String> qualifiers = new HashSet<>();
    boolean mentions = false;
    boolean clash = false;
    for (int i = 0; i < tokens.size(); i++) {
      Token k = tokens.get(i);
      if (k.kind() != Kind.WORD && k.kind() != Kind.QUOTED
          || i > 0 && tokens.get(i - 1).isPunct('.')
          || i + 1 < tokens.size() && tokens.get(i + 1).isPunct('.')) {
        continue;
      }
      if (k.name().equalsIgnoreCase(table)) {
        mentions = true;
        qualifiers.add(table.toLowerCase(Locale.ROOT));
        int a = i + 1 < tokens.size() && tokens.get(i + 1).is("AS") ? i + 2 : i + 1;
        if (a < tokens.size()
            && (tokens.get(a).kind() == Kind.WORD || tokens.get(a).kind() == Kind.QUOTED)
            && !NOT_ALIASES.contains(tokens.get(a).upper())) {
          qualifiers.add(tokens.get(a).name().toLowerCase(Locale.ROOT));
        }
      } else {
        TableDef other = cat.table(k.name());
        clash |= other != null && other.columnIndex(column(other, from)) >= 0;
      }
    }
    if (newOld) {
      qualifiers.add("new");
      qualifiers.add("old");
    }
    StringBuilder out = new StringBuilder();
    int copied = 0;
    for (int i = 0; i < tokens.size(); i++) {
      Token k = tokens.get(i);
      if (!named(k, from)
          || i > 0 && tokens.get(i - 1).is("AS")
          || i + 1 < tokens.size()
              && (tokens.get(i + 1).isPunct('.') || tokens.get(i + 1).isPunct('('))) {
        continue;
      }
      boolean qualified = i > 1 && tokens.get(i - 1).isPunct('.');
      boolean rename =
          qualified
              ? qualifiers.contains(tokens.get(i - 2).name().toLowerCase(Locale.ROOT))
              : mentions && !clash;
      if (rename) {
        out.append(sql, copied, k.start()).append(spell(k, to));
        copied = k.end();
      }
    }
    return out.append(sql, copied, sql.length()).toString();
  }

  private static String column(TableDef t, String name) {
    for (ColumnDef c : t.columns()) {
      if (c.name().equalsIgnoreCase(name)) {
        return c.name();
      }
    }
    return name;
  }

  private static boolean named(Token k, String name) {
    return (k.kind() == Kind.WORD || k.kind() == Kind.QUOTED) && k.name().equalsIgnoreCase(name);
  }

  /** Whether {@code sql} still names {@code name} anywhere (as an alias, say). */
  private static boolean names(String sql, String name) {
    for (Token k : SqlTokens.of(sql)) {
      if (named(k, name)) {
        return true;
      }
    }
    return false;
  }

  /** The new name as SQLite writes it: bare when the old one was bare and it needs no quotes. */
  private static String spell(Token old, String to) {
    return old.kind() == Kind.WORD && to.matches("[A-Za-z_][A-Za-z0-9_]*")
        ? to
        : '"' + to.replace("\"", "\"\"") + '"';
  }
}
