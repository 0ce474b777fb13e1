package io.pluresdb.liquibase;

import liquibase.database.Database;
import liquibase.statement.core.DropDefaultValueStatement;

/** {@code dropDefaultValue}: {@code ALTER COLUMN c DROP DEFAULT}. */
public class PluresDropDefaultValueGenerator
    extends PluresAlterGenerator<DropDefaultValueStatement> {
  @Override
  String sql(DropDefaultValueStatement s, Database db) {
    return alterColumn(
            db, s.getCatalogName(), s.getSchemaName(), s.getTableName(), s.getColumnName())
        + "DROP DEFAULT";
  }
}
