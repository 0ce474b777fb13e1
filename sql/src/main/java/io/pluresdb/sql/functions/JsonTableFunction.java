package io.pluresdb.sql.functions;

import java.util.List;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.sql.SqlFunction;
import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlOperatorBinding;
import org.apache.calcite.sql.SqlTableFunction;
import org.apache.calcite.sql.type.InferTypes;
import org.apache.calcite.sql.type.OperandTypes;
import org.apache.calcite.sql.type.SqlReturnTypeInference;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * SQLite's table-valued {@code json_each(json [, path])} and {@code json_tree(json [, path])}: in
 * FROM they join laterally with the tables before them, as SQLite joins them ({@link
 * LateralJsonTables}), and unparse as the plain call.
 */
final class JsonTableFunction extends SqlFunction implements SqlTableFunction {
  static final JsonTableFunction EACH = new JsonTableFunction("JSON_EACH");
  static final JsonTableFunction TREE = new JsonTableFunction("JSON_TREE");

  private static final List<String> NAMES =
      List.of("key", "value", "type", "atom", "id", "parent", "fullkey", "path");
  private static final List<SqlTypeName> TYPES =
      List.of(
          SqlTypeName.ANY,
          SqlTypeName.ANY,
          SqlTypeName.VARCHAR,
          SqlTypeName.ANY,
          SqlTypeName.BIGINT,
          SqlTypeName.BIGINT,
          SqlTypeName.VARCHAR,
          SqlTypeName.VARCHAR);

  private JsonTableFunction(String name) {
    super(
        name,
        SqlKind.OTHER_FUNCTION,
        JsonTableFunction::cursor,
        InferTypes.VARCHAR_1024,
        OperandTypes.or(OperandTypes.ANY, OperandTypes.ANY_ANY),
        SqlFunctionCategory.USER_DEFINED_TABLE_FUNCTION);
  }

  /** True for a call of json_each or json_tree. */
  static boolean isJsonTable(org.apache.calcite.sql.SqlOperator op) {
    return op instanceof JsonTableFunction
        || op.getName().equalsIgnoreCase(EACH.getName())
        || op.getName().equalsIgnoreCase(TREE.getName());
  }

  private static RelDataType cursor(SqlOperatorBinding binding) {
    return binding.getTypeFactory().createSqlType(SqlTypeName.CURSOR);
  }

  @Override
  public SqlReturnTypeInference getRowTypeInference() {
    return binding -> rowType(binding.getTypeFactory());
  }

  private static RelDataType rowType(RelDataTypeFactory factory) {
    RelDataTypeFactory.Builder b = factory.builder();
    for (int i = 0; i < NAMES.size(); i++) {
      b.add(NAMES.get(i), factory.createSqlType(TYPES.get(i))).nullable(true);
    }
    return b.build();
  }
}
