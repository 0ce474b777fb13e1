package io.pluresdb.liquibase;

import liquibase.database.Database;
import liquibase.exception.ValidationErrors;
import liquibase.sql.Sql;
import liquibase.sql.UnparsedSql;
import liquibase.sqlgenerator.SqlGeneratorChain;
import liquibase.sqlgenerator.core.AbstractSqlGenerator;
import liquibase.statement.SqlStatement;

/**
 * A change Liquibase's SQLite support refuses or rebuilds the table for, written as the one
 * statement PluresDB has for it ({@code ALTER TABLE … ALTER COLUMN}, {@code RENAME COLUMN}, {@code
 * ADD CONSTRAINT … FOREIGN KEY}, {@code CREATE UNIQUE INDEX}): the table keeps its rows, indexes
 * and triggers, and no row is rewritten as new operations.
 *
 * @param <T> the statement
 */
abstract class PluresAlterGenerator<T extends SqlStatement> extends AbstractSqlGenerator<T> {
  @Override
  public int getPriority() {
    return PRIORITY_DATABASE + 1; // ahead of the SQLite generators, which would claim the statement
  }

  @Override
  public boolean supports(T statement, Database database) {
    return database instanceof PluresLiquibaseDatabase;
  }

  @Override
  public ValidationErrors validate(T statement, Database database, SqlGeneratorChain<T> chain) {
    return new ValidationErrors();
  }

  @Override
  public Sql[] generateSql(T statement, Database database, SqlGeneratorChain<T> chain) {
    return new Sql[] {new UnparsedSql(sql(statement, database))};
  }

  /** The PluresDB statement. */
  abstract String sql(T statement, Database database);

  /** {@code ALTER TABLE t ALTER COLUMN c }, for the rest of the clause to follow. */
  static String alterColumn(
      Database db, String catalog, String schema, String table, String column) {
    return "ALTER TABLE "
        + db.escapeTableName(catalog, schema, table)
        + " ALTER COLUMN "
        + db.escapeColumnName(catalog, schema, table, column)
        + " ";
  }
}
