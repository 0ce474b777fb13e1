package io.pluresdb.sql.pragma;

import io.pluresdb.crdt.schema.Catalog;
import io.pluresdb.sql.catalog.TypeMapping;
import io.pluresdb.sql.parser.SqlTrees;
import io.pluresdb.sql.parser.pragma.SqlPragma;
import io.pluresdb.sql.read.ColumnMeta;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.calcite.sql.SqlBasicTypeNameSpec;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlDataTypeSpec;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.jspecify.annotations.Nullable;

/**
 * SQLite's table-valued pragma functions in {@code FROM} ({@code pragma_table_info('t')}, {@code
 * pragma_index_list('t')}, …): each is answered from the catalog as its {@code PRAGMA} is, and the
 * answer becomes a subquery of literal rows ({@code SELECT 0 AS cid, 'id' AS name … UNION ALL …})
 * under the function's name, so the query around it filters, joins and orders it as SQLite would.
 */
public final class PragmaTables {
  private static final String PREFIX = "pragma_";

  /** SQLite allows at most 500 terms in one compound SELECT; rows are grouped below that. */
  private static final int TERMS = 400;

  private PragmaTables() {}

  /** Replaces, in place, every pragma function in a FROM of {@code query}. */
  public static void rewrite(SqlNode query, Catalog catalog) throws SQLException {
    if (query instanceof SqlSelect select && select.getFrom() != null) {
      correlated(select, catalog);
    }
    List<@Nullable SqlNode> children;
    if (query instanceof SqlNodeList list) {
      children = list.getList();
    } else if (query instanceof SqlCall call) {
      children = call.getOperandList();
    } else {
      return;
    }
    for (int i = 0; i < children.size(); i++) {
      SqlNode child = children.get(i);
      if (child == null) {
        continue;
      }
      SqlNode rows = rows(child, catalog, query.getKind() != SqlKind.AS);
      if (rows == null) {
        rewrite(child, catalog);
      } else if (query instanceof SqlNodeList list) {
        list.set(i, rows);
      } else {
        ((SqlCall) query).setOperand(i, rows);
      }
    }
  }

  /**
   * A pragma function whose argument comes from the row around it, {@code FROM
   * pragma_index_list(m.name) AS il}: answered for every table (or index) with SQLite's hidden
   * column {@code arg} naming it, and the select keeps the rows whose {@code arg} is the argument.
   */
  private static void correlated(SqlSelect select, Catalog catalog) throws SQLException {
    SqlNode from = select.getFrom();
    SqlIdentifier alias = null;
    if (from != null && from.getKind() == SqlKind.AS && from instanceof SqlCall as) {
      alias = as.operand(1);
      from = as.operand(0);
    }
    if (from == null
        || from.getKind() != SqlKind.COLLECTION_TABLE
        || !(from instanceof SqlCall table)
        || !(table.operand(0) instanceof SqlCall function)
        || function.operandCount() != 1
        || function.operand(0) instanceof SqlLiteral) {
      return;
    }
    String name = function.getOperator().getName().toLowerCase(Locale.ROOT);
    if (!name.startsWith(PREFIX)) {
      return;
    }
    String pragma = name.substring(PREFIX.length());
    SqlParserPos pos = from.getParserPosition();
    List<String> arguments =
        new ArrayList<>(
            pragma.startsWith("index_") && !pragma.equals("index_list")
                ? catalog.indexes().keySet()
                : catalog.tables().keySet());
    java.util.Collections.sort(arguments);
    if (arguments.isEmpty()) {
      return; // nothing to answer for: the function stays as written (and is refused)
    }
    // the columns do not depend on the argument
    List<ColumnMeta> columns = answer(pragma, arguments.get(0), catalog, pos).columns();
    List<Object[]> rows = new ArrayList<>();
    for (String argument : arguments) {
      for (Object[] row : answer(pragma, argument, catalog, pos).rows()) {
        Object[] withArg = java.util.Arrays.copyOf(row, row.length + 1);
        withArg[row.length] = argument;
        rows.add(withArg);
      }
    }
    List<ColumnMeta> withArg = new ArrayList<>(columns);
    withArg.add(
        new ColumnMeta(
            "arg", "arg", "", io.pluresdb.crdt.schema.ColumnType.VARCHAR, 0, 0, true, false));
    SqlIdentifier name2 = alias != null ? alias : new SqlIdentifier(name, pos);
    select.setFrom(
        SqlStdOperatorTable.AS.createCall(
            pos, select(new PragmaResult(withArg, rows), pos), name2));
    SqlNode match =
        SqlStdOperatorTable.EQUALS.createCall(
            pos, new SqlIdentifier(List.of(name2.getSimple(), "arg"), pos), function.operand(0));
    select.setWhere(
        select.getWhere() == null
            ? match
            : SqlStdOperatorTable.AND.createCall(pos, match, select.getWhere()));
  }

  private static PragmaResult answer(
      String pragma, String argument, Catalog catalog, SqlParserPos pos) throws SQLException {
    return Pragmas.answer(
        new SqlPragma(pos, new SqlIdentifier(pragma, pos), argument, false), catalog);
  }

  private static @Nullable SqlNode rows(SqlNode node, Catalog catalog, boolean alias)
      throws SQLException {
    if (node.getKind() != SqlKind.COLLECTION_TABLE
        || !(node instanceof SqlCall table)
        || !(table.operand(0) instanceof SqlCall function)) {
      return null;
    }
    String name = function.getOperator().getName().toLowerCase(Locale.ROOT);
    if (!name.startsWith(PREFIX) || function.operandCount() > 1) {
      return null;
    }
    String argument = null;
    if (function.operandCount() == 1) {
      if (!(function.operand(0) instanceof SqlLiteral literal)) {
        return null; // an argument from the row around it: not a literal question
      }
      argument = literal.toValue();
    }
    SqlParserPos pos = node.getParserPosition();
    PragmaResult answer =
        Pragmas.answer(
            new SqlPragma(
                pos, new SqlIdentifier(name.substring(PREFIX.length()), pos), argument, false),
            catalog);
    SqlNode query = select(answer, pos);
    return alias
        ? SqlStdOperatorTable.AS.createCall(pos, query, new SqlIdentifier(name, pos))
        : query;
  }

  private static SqlNode select(PragmaResult answer, SqlParserPos pos) {
    List<ColumnMeta> columns = answer.columns();
    if (answer.rows().isEmpty()) {
      Object[] none = new Object[columns.size()];
      SqlSelect empty = row(columns, none, pos);
      empty.setWhere(
          SqlStdOperatorTable.EQUALS.createCall(
              pos,
              SqlLiteral.createExactNumeric("1", pos),
              SqlLiteral.createExactNumeric("0", pos)));
      return empty;
    }
    List<SqlNode> rows = new ArrayList<>();
    for (Object[] values : answer.rows()) {
      rows.add(row(columns, values, pos));
    }
    return unionAll(rows, pos);
  }

  /**
   * The rows as one UNION ALL. SQLite allows at most 500 terms in one compound SELECT, so past
   * {@link #TERMS} rows they are grouped, each group a subquery of its own, as {@link SqliteSchema}
   * groups its rows.
   */
  private static SqlNode unionAll(List<SqlNode> rows, SqlParserPos pos) {
    if (rows.size() <= TERMS) {
      SqlNode result = rows.get(0);
      for (SqlNode row : rows.subList(1, rows.size())) {
        result = SqlStdOperatorTable.UNION_ALL.createCall(pos, result, row);
      }
      return result;
    }
    List<SqlNode> groups = new ArrayList<>();
    for (int i = 0; i < rows.size(); i += TERMS) {
      SqlNode group = unionAll(rows.subList(i, Math.min(rows.size(), i + TERMS)), pos);
      SqlNode from =
          SqlStdOperatorTable.AS.createCall(
              pos, group, new SqlIdentifier("g" + groups.size(), pos));
      groups.add(SqlTrees.select(pos, SqlNodeList.of(SqlIdentifier.star(pos)), from, null));
    }
    return unionAll(groups, pos);
  }

  private static SqlSelect row(List<ColumnMeta> columns, Object[] values, SqlParserPos pos) {
    List<SqlNode> items = new ArrayList<>();
    for (int c = 0; c < columns.size(); c++) {
      SqlNode value = literal(values[c], columns.get(c), pos);
      items.add(
          SqlStdOperatorTable.AS.createCall(
              pos, value, new SqlIdentifier(columns.get(c).label(), pos)));
    }
    return SqlTrees.select(pos, new SqlNodeList(items, pos), null, null);
  }

  private static SqlNode literal(@Nullable Object value, ColumnMeta column, SqlParserPos pos) {
    if (value instanceof Number n) {
      return SqlLiteral.createExactNumeric(n.toString(), pos);
    } else if (value != null) {
      return SqlLiteral.createCharString(value.toString(), pos);
    }
    return SqlStdOperatorTable.CAST.createCall(
        pos,
        SqlLiteral.createNull(pos),
        new SqlDataTypeSpec(
            new SqlBasicTypeNameSpec(TypeMapping.toSqlTypeName(column.type()), pos), pos));
  }
}
