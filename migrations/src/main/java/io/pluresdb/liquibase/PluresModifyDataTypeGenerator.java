package io.pluresdb.liquibase;

import liquibase.database.Database;
import liquibase.datatype.DataTypeFactory;
import liquibase.statement.core.ModifyDataTypeStatement;

/**
 * {@code modifyDataType}: {@code ALTER COLUMN c TYPE t}. The column keeps its values, as a SQLite
 * column keeps values of another type; new values take the new type.
 */
public class PluresModifyDataTypeGenerator extends PluresAlterGenerator<ModifyDataTypeStatement> {
  @Override
  String sql(ModifyDataTypeStatement s, Database db) {
    return alterColumn(
            db, s.getCatalogName(), s.getSchemaName(), s.getTableName(), s.getColumnName())
        + "TYPE "
        + DataTypeFactory.getInstance()
            .fromDescription(s.getNewDataType(), db)
            .toDatabaseDataType(db);
  }
}
