package io.pluresdb.liquibase;

import java.util.Locale;
import liquibase.CatalogAndSchema;
import liquibase.database.DatabaseConnection;
import liquibase.database.ObjectQuotingStrategy;
import liquibase.database.core.SQLiteDatabase;
import liquibase.exception.DatabaseException;
import liquibase.structure.DatabaseObject;
import org.jspecify.annotations.Nullable;

/**
 * Liquibase on PluresDB: SQLite's SQL generation (Liquibase's generators test for {@link
 * SQLiteDatabase}, so table rebuilds for ALTERs SQLite lacks come along), picked for connections
 * whose product name is PluresDB and for {@code jdbc:pluresdb:} URLs. Changelogs name it {@code
 * dbms="pluresdb"}.
 */
public class PluresLiquibaseDatabase extends SQLiteDatabase {
  static final String PRODUCT = "PluresDB";
  private static final String MAIN = "main";

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

  /**
   * The one schema, {@code main}, as the driver's metadata names it ({@code TABLE_SCHEM}); without
   * it Liquibase would not recognize its own tables in the metadata and create them again.
   */
  @Override
  public String getDefaultCatalogName() {
    return MAIN;
  }

  /** The driver's metadata has no catalogs: tables are looked up with a null catalog. */
  @Override
  public @Nullable String getJdbcCatalogName(CatalogAndSchema schema) {
    return null;
  }

  /** ... and in the schema {@code main}. */
  @Override
  public String getJdbcSchemaName(CatalogAndSchema schema) {
    return MAIN;
  }

  /**
   * PluresDB folds unquoted names to lower case (as PostgreSQL does) and its metadata matches names
   * exactly, so Liquibase looks for {@code databasechangelog}, not {@code DATABASECHANGELOG}, when
   * it checks whether its tables exist. Quoted-everything changelogs keep their spelling.
   */
  @Override
  public @Nullable String correctObjectName(
      @Nullable String objectName, Class<? extends DatabaseObject> objectType) {
    if (objectName == null || quotingStrategy == ObjectQuotingStrategy.QUOTE_ALL_OBJECTS) {
      return super.correctObjectName(objectName, objectType);
    }
    return objectName.toLowerCase(Locale.ROOT);
  }

  @Override
  public boolean isCorrectDatabaseImplementation(DatabaseConnection conn) throws DatabaseException {
    return PRODUCT.equalsIgnoreCase(conn.getDatabaseProductName());
  }
}
