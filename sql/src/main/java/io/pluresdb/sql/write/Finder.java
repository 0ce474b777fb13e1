package io.pluresdb.sql.write;

import io.pluresdb.crdt.schema.ColumnDef;
import io.pluresdb.crdt.schema.ColumnType;
import io.pluresdb.crdt.schema.TableDef;
import io.pluresdb.sql.calcite.PlanningContext;
import io.pluresdb.sql.catalog.CalciteCatalogs;
import io.pluresdb.sql.functions.DatetimeArithmetic;
import io.pluresdb.sql.parser.SqlTrees;
import io.pluresdb.sql.read.ColumnMeta;
import io.pluresdb.sql.read.QueryCompiler;
import io.pluresdb.sql.read.ReadPlan;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.util.SqlString;

/**
 * Builds the one query an UPDATE or DELETE pushes down: {@code SELECT key..., expr... FROM table AS
 * alias WHERE condition}. The expressions and condition are validated like any query; the key
 * columns are added after validation because the hidden {@code _id} key is invisible to it.
 */
final class Finder {
  private static final SqlParserPos POS = SqlParserPos.ZERO;

  /** The compiled finder and how to read its rows (keys first). */
  record Built(ReadPlan plan, List<ColumnMeta> rowColumns, int keyCount) {}

  private Finder() {}

  static Built build(
      PlanningContext context,
      TableDef table,
      SqlIdentifier alias,
      SqlNode condition,
      List<SqlNode> expressions,
      int paramCount)
      throws SQLException {
    String aliasName = alias == null ? table.name() : alias.getSimple();
    SqlNode from =
        SqlStdOperatorTable.AS.createCall(
            POS,
            new SqlIdentifier(List.of(CalciteCatalogs.MAIN, table.name()), POS),
            new SqlIdentifier(aliasName, POS));
    SqlNodeList items = new SqlNodeList(POS);
    if (expressions.isEmpty()) {
      items.add(SqlLiteral.createExactNumeric("1", POS));
    } else {
      expressions.forEach(items::add);
    }
    SqlSelect select = SqlTrees.select(POS, items, from, condition);
    QueryCompiler.Validated v = QueryCompiler.validate(context, select);
    List<ColumnMeta> pushed = expressions.isEmpty() ? List.of() : QueryCompiler.columns(context, v);
    Map<Integer, ColumnType> paramTypes = new TreeMap<>();
    QueryCompiler.collectParameterTypes(v, v.node(), paramTypes);

    SqlSelect validated = (SqlSelect) v.node();
    SqlNodeList finalItems = new SqlNodeList(POS);
    List<ColumnMeta> rowColumns = new ArrayList<>();
    for (String key : table.keyColumns()) {
      finalItems.add(new SqlIdentifier(List.of(aliasName, key), POS));
      ColumnDef def = table.column(key);
      rowColumns.add(
          def == null
              ? new ColumnMeta(key, key, table.name(), null, 0, 0, false, false)
              : new ColumnMeta(key, key, table.name(), def.type(), 0, 0, false, false));
    }
    if (!expressions.isEmpty()) {
      validated.getSelectList().forEach(finalItems::add);
      rowColumns.addAll(pushed);
    }
    validated.setSelectList(finalItems);
    QueryCompiler.inlineViews(context, validated);
    DatetimeArithmetic.rewrite(validated, v.validator());
    SqlString sql = QueryCompiler.unparse(validated);
    List<ColumnType> types = new ArrayList<>();
    for (int i = 0; i < paramCount; i++) {
      types.add(paramTypes.getOrDefault(i, ColumnType.VARCHAR));
    }
    ReadPlan plan = new ReadPlan(sql.getSql(), QueryCompiler.paramOrder(sql), rowColumns, types);
    return new Built(plan, rowColumns, table.keyColumns().size());
  }
}
