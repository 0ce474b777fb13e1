package io.pluresdb.liquibase;

import liquibase.database.Database;
import liquibase.statement.core.SetNullableStatement;

/** {@code addNotNullConstraint} and {@code dropNotNullConstraint}: {@code SET|DROP NOT NULL}. */
public class PluresSetNullableGenerator extends PluresAlterGenerator<SetNullableStatement> {
  @Override
  String sql(SetNullableStatement s, Database db) {
    return alterColumn(
            db, s.getCatalogName(), s.getSchemaName(), s.getTableName(), s.getColumnName())
        + (s.isNullable() ? "DROP NOT NULL" : "SET NOT NULL");
  }
}
