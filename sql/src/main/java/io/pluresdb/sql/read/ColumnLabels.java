package io.pluresdb.sql.read;

import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOrderBy;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.SqlWith;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.parser.SqlParserUtil;
import org.jspecify.annotations.Nullable;

/**
 * Result column labels as SQLite gives them, read from the parsed statement and its text before
 * validation rewrites them: an alias keeps the case it was written in ({@code AS Spent}, not the
 * folded {@code spent}); an unnamed expression is labelled by its text as written ({@code
 * count(*)}, not the validator's {@code EXPR$1}); a bare column keeps its declared name (also when
 * two columns share one, where the validator would say {@code id0}). The labels of a query with
 * {@code WITH}, {@code ORDER BY} or a set operation are those of its first {@code SELECT}.
 */
final class ColumnLabels {
  private ColumnLabels() {}

  /** What one select item says about its label. */
  private enum Kind {
    /** An alias: the label for label and (for a computed column) name. */
    ALIAS,
    /** An expression: its text, for label and name. */
    TEXT,
    /** A column: its declared name. */
    COLUMN,
    /** {@code *} or {@code t.*}: as many columns as it expands to, each as declared. */
    STAR
  }

  /** The label a select item asks for; text is null where unknown. */
  record Written(Kind kind, @Nullable String text) {}

  /** What each select item of a query says about its label; empty when unknown. */
  static List<Written> written(SqlNode query, @Nullable String sql) {
    SqlSelect select = firstSelect(query);
    if (sql == null || select == null || select.getSelectList() == null) {
      return List.of();
    }
    List<Written> out = new ArrayList<>();
    for (SqlNode item : select.getSelectList()) {
      if (item.getKind() == SqlKind.AS) {
        out.add(new Written(Kind.ALIAS, alias(((SqlCall) item).operand(1), sql)));
      } else if (item instanceof SqlIdentifier id) {
        out.add(
            id.isStar() ? new Written(Kind.STAR, null) : new Written(Kind.COLUMN, name(id, sql)));
      } else {
        out.add(new Written(Kind.TEXT, closed(item.getParserPosition(), sql)));
      }
    }
    return out;
  }

  private static @Nullable SqlSelect firstSelect(SqlNode node) {
    if (node instanceof SqlSelect select) {
      return select;
    } else if (node instanceof SqlOrderBy orderBy) {
      return firstSelect(orderBy.query);
    } else if (node instanceof SqlWith with) {
      return firstSelect(with.body);
    } else if (node instanceof SqlBasicCall call
        && call.getKind().belongsTo(SqlKind.SET_QUERY)
        && call.operandCount() > 0) {
      return firstSelect(call.operand(0));
    }
    return null;
  }

  /** An alias as written: a quoted one is exact already, an unquoted one is read from the text. */
  private static @Nullable String alias(SqlNode alias, String sql) {
    if (!(alias instanceof SqlIdentifier id) || !id.isSimple()) {
      return null;
    }
    if (id.getParserPosition().isQuoted()) {
      return id.getSimple();
    }
    String text = text(id.getParserPosition(), sql);
    return text != null && text.equalsIgnoreCase(id.getSimple()) ? text : id.getSimple();
  }

  /**
   * A column's name as written (its last part), for a column that is not a table's: one of a CTE, a
   * subquery or a set operation, which SQLite labels as the name its first SELECT gives.
   */
  private static @Nullable String name(SqlIdentifier id, String sql) {
    int last = id.names.size() - 1;
    if (id.isComponentQuoted(last)) {
      return id.names.get(last);
    }
    String text = text(id.getComponentParserPosition(last), sql);
    return text != null && text.equalsIgnoreCase(id.names.get(last)) ? text : id.names.get(last);
  }

  private static @Nullable String text(SqlParserPos pos, String sql) {
    try {
      if (pos.getLineNum() <= 0 || pos.getEndLineNum() <= 0) {
        return null;
      }
      int start = SqlParserUtil.lineColToIndex(sql, pos.getLineNum(), pos.getColumnNum());
      int end = SqlParserUtil.lineColToIndex(sql, pos.getEndLineNum(), pos.getEndColumnNum());
      return start >= 0 && end >= start && end < sql.length()
          ? sql.substring(start, end + 1).strip()
          : null;
    } catch (RuntimeException e) {
      return null; // an unusual position: keep the validator's label
    }
  }

  /**
   * An expression's text with the closing parentheses its position left out: the parser ends a
   * parenthesized subquery ({@code (SELECT max(n) FROM t)}) before its {@code )}, which SQLite's
   * label keeps. Each {@code (} the text leaves open takes the next {@code )} after it in the
   * statement, past blanks only.
   */
  private static @Nullable String closed(SqlParserPos pos, String sql) {
    String text = text(pos, sql);
    if (text == null) {
      return null;
    }
    int open = openParens(text);
    if (open <= 0) {
      return text;
    }
    int i;
    try {
      i = SqlParserUtil.lineColToIndex(sql, pos.getEndLineNum(), pos.getEndColumnNum()) + 1;
    } catch (RuntimeException e) {
      return text;
    }
    StringBuilder out = new StringBuilder(text);
    StringBuilder blanks = new StringBuilder();
    while (open > 0 && i < sql.length()) {
      char c = sql.charAt(i++);
      if (c == ')') {
        out.append(blanks).append(c);
        blanks.setLength(0);
        open--;
      } else if (Character.isWhitespace(c)) {
        blanks.append(c);
      } else {
        return text;
      }
    }
    return open == 0 ? out.toString() : text;
  }

  /** How many {@code (} outside quotes and strings are not closed in {@code text}. */
  private static int openParens(String text) {
    int depth = 0;
    char quote = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (quote != 0) {
        if (c == quote) {
          quote = 0;
        }
      } else if (c == '\'' || c == '"' || c == '`') {
        quote = c;
      } else if (c == '[') {
        quote = ']';
      } else if (c == '(') {
        depth++;
      } else if (c == ')') {
        depth--;
      }
    }
    return depth;
  }

  /** The columns relabelled as written; unchanged when the items cannot be matched to them. */
  static List<ColumnMeta> apply(List<ColumnMeta> columns, List<Written> written) {
    List<Written> items = expandStar(written, columns.size());
    if (items.size() != columns.size()) {
      return columns;
    }
    List<ColumnMeta> out = new ArrayList<>();
    for (int i = 0; i < columns.size(); i++) {
      out.add(relabel(columns.get(i), items.get(i)));
    }
    return out;
  }

  private static List<Written> expandStar(List<Written> written, int columns) {
    long stars = written.stream().filter(w -> w.kind() == Kind.STAR).count();
    if (stars != 1 || columns < written.size() - 1) {
      return stars == 0 ? written : List.of();
    }
    List<Written> out = new ArrayList<>();
    for (Written w : written) {
      if (w.kind() == Kind.STAR) {
        for (int i = 0; i < columns - (written.size() - 1); i++) {
          out.add(new Written(Kind.COLUMN, null));
        }
      } else {
        out.add(w);
      }
    }
    return out;
  }

  private static ColumnMeta relabel(ColumnMeta c, Written w) {
    boolean computed = c.table().isEmpty();
    String text = w.text();
    return switch (w.kind()) {
      case ALIAS, TEXT -> text == null ? c : with(c, text, computed ? text : c.name());
      case COLUMN ->
          computed ? (text == null ? c : with(c, text, text)) : with(c, c.name(), c.name());
      case STAR -> c;
    };
  }

  private static ColumnMeta with(ColumnMeta c, String label, String name) {
    return new ColumnMeta(
        label,
        name,
        c.table(),
        c.type(),
        c.precision(),
        c.scale(),
        c.nullable(),
        c.autoIncrement());
  }
}
