package io.pluresdb.liquibase;

import java.util.ArrayList;
import java.util.List;
import liquibase.change.ChangeMetaData;
import liquibase.change.ColumnConfig;
import liquibase.change.DatabaseChange;
import liquibase.change.core.DropColumnChange;
import liquibase.database.Database;
import liquibase.statement.SqlStatement;
import liquibase.statement.core.DropColumnStatement;

/**
 * {@code dropColumn} as {@code ALTER TABLE t DROP COLUMN c} on PluresDB, which has it, instead of
 * the table rebuild Liquibase does on SQLite; other databases get Liquibase's own statements.
 */
@DatabaseChange(
    name = "dropColumn",
    description = "Drop existing column(s).",
    priority = ChangeMetaData.PRIORITY_DATABASE,
    appliesTo = "column")
public class PluresDropColumnChange extends DropColumnChange {
  @Override
  public boolean generateStatementsVolatile(Database database) {
    return !(database instanceof PluresLiquibaseDatabase)
        && super.generateStatementsVolatile(database);
  }

  @Override
  public SqlStatement[] generateStatements(Database database) {
    if (!(database instanceof PluresLiquibaseDatabase)) {
      return super.generateStatements(database);
    }
    List<String> names = new ArrayList<>();
    if (getColumnName() != null) {
      names.add(getColumnName());
    }
    if (getColumns() != null) {
      for (ColumnConfig c : getColumns()) {
        names.add(c.getName());
      }
    }
    List<SqlStatement> out = new ArrayList<>();
    for (String name : names) {
      out.add(new DropColumnStatement(getCatalogName(), getSchemaName(), getTableName(), name));
    }
    return out.toArray(new SqlStatement[0]);
  }
}
