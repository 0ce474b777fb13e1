package io.pluresdb.liquibase;

import liquibase.database.Database;
import liquibase.statement.core.RenameColumnStatement;

/** {@code renameColumn}: SQLite's own {@code ALTER TABLE t RENAME COLUMN a TO b}. */
public class PluresRenameColumnGenerator extends PluresAlterGenerator<RenameColumnStatement> {
  @Override
  String sql(RenameColumnStatement s, Database db) {
    String catalog = s.getCatalogName();
    String schema = s.getSchemaName();
    String table = s.getTableName();
    return "ALTER TABLE "
        + db.escapeTableName(catalog, schema, table)
        + " RENAME COLUMN "
        + db.escapeColumnName(catalog, schema, table, s.getOldColumnName())
        + " TO "
        + db.escapeColumnName(catalog, schema, table, s.getNewColumnName());
  }
}
