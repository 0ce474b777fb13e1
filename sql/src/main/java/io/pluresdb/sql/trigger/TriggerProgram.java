package io.pluresdb.sql.trigger;

import io.pluresdb.crdt.error.Errors;
import io.pluresdb.crdt.error.SqlState;
import io.pluresdb.crdt.schema.ColumnDef;
import io.pluresdb.crdt.schema.ColumnType;
import io.pluresdb.crdt.schema.SqlTokens;
import io.pluresdb.crdt.schema.SqlTokens.Token;
import io.pluresdb.crdt.schema.TriggerDef;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * A trigger compiled for the columns of its table: its WHEN condition and body statements with each
 * {@code NEW.x} and {@code OLD.x} turned into a parameter. Writes ({@code INSERT}, {@code UPDATE},
 * {@code DELETE}) are planned like user statements, so what they do becomes operations; a reference
 * there is typed ({@code CAST(? AS t)}) so that the planner knows its type wherever it stands. The
 * WHEN condition and {@code SELECT} statements run on SQLite itself, where {@code RAISE(kind,
 * 'message')} becomes a marker value that the engine turns into the error SQLite would raise; in a
 * write it becomes a call of {@link #RAISE_FUNCTION}, which fails with that marker.
 *
 * @param when {@code SELECT CASE WHEN (condition) THEN 1 ELSE 0 END}, or null
 */
public record TriggerProgram(TriggerDef trigger, @Nullable Step when, List<Step> body) {
  /** What marks a RAISE's value: {@code MARK + kind + ':' + message}. */
  public static final String MARK = "\u0001pluresdb-raise:";

  /**
   * The SQLite function a RAISE inside an INSERT, UPDATE or DELETE becomes: {@code
   * pluresdb_raise(kind, message)} fails the statement with {@code MARK + kind + ':' + message}.
   */
  public static final String RAISE_FUNCTION = "pluresdb_raise";

  /** A reference to a column of the NEW or OLD row. */
  public record Ref(boolean isNew, int column) {}

  /**
   * One statement.
   *
   * @param write true for a statement planned as a write; false for one SQLite runs itself
   * @param raises whether it holds a RAISE (a SELECT without one has no effect to run for)
   */
  public record Step(String sql, List<Ref> refs, boolean write, boolean raises) {
    public Step {
      refs = List.copyOf(refs);
    }
  }

  public TriggerProgram {
    body = List.copyOf(body);
  }

  /** Compiles {@code t} for the columns of its table or view. */
  public static TriggerProgram compile(TriggerDef t, List<ColumnDef> columns) throws SQLException {
    Step when =
        t.when() == null
            ? null
            : step(t, "SELECT CASE WHEN (" + t.when() + ") THEN 1 ELSE 0 END", columns, false);
    List<Step> body = new ArrayList<>();
    for (String s : t.body()) {
      List<Token> tokens = SqlTokens.of(s);
      String first = tokens.isEmpty() ? "" : tokens.get(0).upper();
      boolean write = !first.equals("SELECT") && !first.equals("VALUES");
      body.add(step(t, write ? withFrom(s) : s, columns, write));
    }
    return new TriggerProgram(t, when, body);
  }

  private static Step step(TriggerDef t, String sql, List<ColumnDef> columns, boolean write)
      throws SQLException {
    List<Token> tokens = SqlTokens.of(sql);
    StringBuilder out = new StringBuilder();
    List<Ref> refs = new ArrayList<>();
    boolean raises = false;
    int copied = 0;
    for (int i = 0; i < tokens.size(); i++) {
      Token k = tokens.get(i);
      if ((k.is("NEW") || k.is("OLD"))
          && i + 2 < tokens.size()
          && tokens.get(i + 1).isPunct('.')
          && tokens.get(i + 2).kind() != SqlTokens.Kind.PUNCT) {
        boolean isNew = k.is("NEW");
        String name = tokens.get(i + 2).name();
        int col = column(t, columns, isNew, name);
        refs.add(new Ref(isNew, col));
        out.append(sql, copied, k.start()).append(param(columns.get(col).type(), write));
        copied = tokens.get(i + 2).end();
        i += 2;
      } else if (k.is("RAISE") && i + 1 < tokens.size() && tokens.get(i + 1).isPunct('(')) {
        int close = i + 2;
        while (close < tokens.size() && !tokens.get(close).isPunct(')')) {
          close++;
        }
        String kind = i + 2 < tokens.size() ? tokens.get(i + 2).upper() : "";
        String message =
            i + 4 < close && tokens.get(i + 4).kind() == SqlTokens.Kind.STRING
                ? tokens.get(i + 4).name()
                : "";
        out.append(sql, copied, k.start());
        if (write) {
          // SQLite evaluates the call where it would evaluate the RAISE, and it fails the write
          out.append(RAISE_FUNCTION)
              .append("('")
              .append(kind)
              .append("', '")
              .append(message.replace("'", "''"))
              .append("')");
        } else {
          String marker = MARK + kind + ":" + message;
          out.append('\'').append(marker.replace("'", "''")).append('\'');
        }
        copied = close < tokens.size() ? tokens.get(close).end() : sql.length();
        i = close;
        raises = true;
      }
    }
    out.append(sql, copied, sql.length());
    return new Step(out.toString(), refs, write, raises);
  }

  /**
   * {@code sql} with {@code FROM (VALUES (0))} before the WHERE of each {@code SELECT} that has a
   * WHERE and no FROM: SQLite's {@code INSERT INTO log SELECT RAISE(...) WHERE ...}, which the
   * planner reads only with a FROM; one row filtered by the condition, as SQLite evaluates it.
   */
  static String withFrom(String sql) {
    List<Token> tokens = SqlTokens.of(sql);
    StringBuilder out = new StringBuilder();
    int copied = 0;
    for (int i = 0; i < tokens.size(); i++) {
      if (!tokens.get(i).is("SELECT")) {
        continue;
      }
      int depth = 0;
      for (int j = i + 1; j < tokens.size() && depth >= 0; j++) {
        Token k = tokens.get(j);
        if (k.isPunct('(')) {
          depth++;
        } else if (k.isPunct(')')) {
          depth--;
        } else if (depth == 0 && (k.is("FROM") || k.is("UNION") || k.is("EXCEPT"))) {
          break;
        } else if (depth == 0 && k.is("WHERE")) {
          out.append(sql, copied, k.start()).append("FROM (VALUES (0)) ");
          copied = k.start();
          break;
        }
      }
    }
    return out.append(sql, copied, sql.length()).toString();
  }

  private static int column(TriggerDef t, List<ColumnDef> columns, boolean isNew, String name)
      throws SQLException {
    boolean allowed = isNew ? !t.event().equals("DELETE") : !t.event().equals("INSERT");
    for (int c = 0; allowed && c < columns.size(); c++) {
      if (columns.get(c).name().equalsIgnoreCase(name)) {
        return c;
      }
    }
    throw Errors.of(
        SqlState.UNDEFINED_COLUMN,
        "no such column: "
            + (isNew ? "NEW." : "OLD.")
            + name
            + " (trigger '"
            + t.name()
            + "' on '"
            + t.table()
            + "')");
  }

  /**
   * A parameter for a reference: typed in a write (so that {@code 'x' || NEW.a} or {@code
   * upper(NEW.a)} plan), bare where SQLite runs the text.
   */
  private static String param(ColumnType type, boolean write) {
    if (!write) {
      return "?";
    }
    String sqlType =
        switch (type) {
          case TINYINT, SMALLINT, INTEGER, BIGINT, COUNTER -> "BIGINT";
          case REAL, DOUBLE -> "DOUBLE";
          case CHAR, VARCHAR, CLOB, JSON, MERGEABLE_TEXT, MERGEABLE_JSON -> "VARCHAR";
          default -> null;
        };
    return sqlType == null ? "?" : "CAST(? AS " + sqlType.toUpperCase(Locale.ROOT) + ")";
  }
}
