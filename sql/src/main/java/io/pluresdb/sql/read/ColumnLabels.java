package io.pluresdb.sql.read;

import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOrderBy;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.parser.SqlParserUtil;

/**
 * Labels for unnamed result expressions as SQLite gives them: the expression's text as written
 * ({@code COUNT(*)}), instead of the validator's generated {@code EXPR$1}. Read from the parsed
 * statement before validation rewrites it.
 */
final class ColumnLabels {
  private ColumnLabels() {}

  /** The written text of each select item (null where unknown), for a SELECT statement. */
  static List<String> written(SqlNode query, String sql) {
    SqlNode node = query instanceof SqlOrderBy orderBy ? orderBy.query : query;
    if (sql == null || !(node instanceof SqlSelect select) || select.getSelectList() == null) {
      return List.of();
    }
    List<String> texts = new ArrayList<>();
    for (SqlNode item : select.getSelectList()) {
      texts.add(
          item.getKind() == SqlKind.AS || item instanceof SqlIdentifier ? null : text(item, sql));
    }
    return texts;
  }

  private static String text(SqlNode item, String sql) {
    try {
      SqlParserPos pos = item.getParserPosition();
      if (pos.getLineNum() <= 0 || pos.getEndLineNum() <= 0) {
        return null;
      }
      int start = SqlParserUtil.lineColToIndex(sql, pos.getLineNum(), pos.getColumnNum());
      int end = SqlParserUtil.lineColToIndex(sql, pos.getEndLineNum(), pos.getEndColumnNum());
      return start >= 0 && end >= start && end < sql.length()
          ? sql.substring(start, end + 1).strip()
          : null;
    } catch (RuntimeException e) {
      return null; // an unusual position: keep the generated label
    }
  }

  /** The columns with generated labels replaced by the written text. */
  static List<ColumnMeta> apply(List<ColumnMeta> columns, List<String> written) {
    if (written.size() != columns.size()) {
      return columns;
    }
    List<ColumnMeta> out = new ArrayList<>();
    for (int i = 0; i < columns.size(); i++) {
      ColumnMeta c = columns.get(i);
      String w = written.get(i);
      if (w != null && c.label().startsWith("EXPR$")) {
        c =
            new ColumnMeta(
                w,
                w,
                c.table(),
                c.type(),
                c.precision(),
                c.scale(),
                c.nullable(),
                c.autoIncrement());
      }
      out.add(c);
    }
    return out;
  }
}
