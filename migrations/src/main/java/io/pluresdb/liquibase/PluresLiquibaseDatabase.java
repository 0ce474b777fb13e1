package io.pluresdb.liquibase;

import liquibase.database.DatabaseConnection;
import liquibase.database.core.SQLiteDatabase;
import liquibase.exception.DatabaseException;
import org.jspecify.annotations.Nullable;

/**
 * Liquibase on PluresDB: SQLite's SQL generation (Liquibase's generators test for {@link
 * SQLiteDatabase}, so table rebuilds for ALTERs SQLite lacks come along), picked for connections
 * whose product name is PluresDB and for {@code jdbc:pluresdb:} URLs. Changelogs name it {@code
 * dbms="pluresdb"}.
 */
public class PluresLiquibaseDatabase extends SQLiteDatabase {
  static final String PRODUCT = "PluresDB";

  @Override
  public @Nullable String getDefaultDriver(@Nullable String url) {
    return url != null && url.startsWith("jdbc:pluresdb:") ? "io.pluresdb.jdbc.PluresDriver" : null;
  }

  @Override
  public String getShortName() {
    return "pluresdb";
  }

  @Override
  protected String getDefaultDatabaseProductName() {
    return PRODUCT;
  }

  /** Ahead of SQLite's, which would never claim a PluresDB connection anyway. */
  @Override
  public int getPriority() {
    return PRIORITY_DATABASE;
  }

  @Override
  public boolean isCorrectDatabaseImplementation(DatabaseConnection conn)
      throws DatabaseException {
    return PRODUCT.equalsIgnoreCase(conn.getDatabaseProductName());
  }
}
