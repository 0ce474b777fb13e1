package io.pluresdb.liquibase;

import java.util.Locale;
import liquibase.database.Database;
import liquibase.statement.core.AddUniqueConstraintStatement;
import liquibase.structure.core.Index;

/**
 * {@code addUniqueConstraint}: {@code CREATE UNIQUE INDEX}, as SQLite users add one (SQLite has no
 * {@code ADD CONSTRAINT … UNIQUE}); the index is named after the constraint.
 */
public class PluresAddUniqueConstraintGenerator
    extends PluresAlterGenerator<AddUniqueConstraintStatement> {
  @Override
  String sql(AddUniqueConstraintStatement s, Database db) {
    String table = s.getTableName();
    String name = s.getConstraintName();
    if (name == null) {
      name = table + "_" + s.getColumnNames().replaceAll("[^A-Za-z0-9_]+", "_") + "_key";
    }
    return "CREATE UNIQUE INDEX "
        + db.escapeObjectName(name.toLowerCase(Locale.ROOT), Index.class)
        + " ON "
        + db.escapeTableName(s.getCatalogName(), s.getSchemaName(), table)
        + " ("
        + db.escapeColumnNameList(s.getColumnNames())
        + ")";
  }
}
