package io.pluresdb.liquibase;

import liquibase.database.Database;
import liquibase.sqlgenerator.core.AddColumnGenerator;
import liquibase.statement.core.AddColumnStatement;

/**
 * Adds columns with {@code ALTER TABLE ... ADD}, as SQLite itself allows, instead of Liquibase's
 * SQLite way (copy the table under a temporary name and rebuild it), which would rewrite every row
 * as new CRDT operations and needs {@code ALTER TABLE ... RENAME TO}.
 */
public class PluresAddColumnGenerator extends AddColumnGenerator {
  @Override
  public int getPriority() {
    return PRIORITY_DATABASE + 1; // ahead of the SQLite generator, which would claim the statement
  }

  @Override
  public boolean supports(AddColumnStatement statement, Database database) {
    return database instanceof PluresLiquibaseDatabase;
  }
}
