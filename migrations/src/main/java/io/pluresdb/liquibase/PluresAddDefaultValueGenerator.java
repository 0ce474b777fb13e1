package io.pluresdb.liquibase;

import liquibase.database.Database;
import liquibase.datatype.DataTypeFactory;
import liquibase.statement.DatabaseFunction;
import liquibase.statement.core.AddDefaultValueStatement;

/** {@code addDefaultValue}: {@code ALTER COLUMN c SET DEFAULT value}. */
public class PluresAddDefaultValueGenerator extends PluresAlterGenerator<AddDefaultValueStatement> {
  @Override
  String sql(AddDefaultValueStatement s, Database db) {
    Object value = s.getDefaultValue();
    String literal =
        value instanceof DatabaseFunction f
            ? "(" + db.generateDatabaseFunctionValue(f) + ")"
            : DataTypeFactory.getInstance().fromObject(value, db).objectToSql(value, db);
    return alterColumn(
            db, s.getCatalogName(), s.getSchemaName(), s.getTableName(), s.getColumnName())
        + "SET DEFAULT "
        + literal;
  }
}
