package io.pluresdb.flyway;

import java.sql.Connection;
import org.flywaydb.core.api.configuration.Configuration;
import org.flywaydb.core.internal.database.base.Database;
import org.flywaydb.core.internal.database.sqlite.SQLiteDatabaseType;
import org.flywaydb.core.internal.jdbc.JdbcConnectionFactory;
import org.flywaydb.core.internal.jdbc.StatementInterceptor;

/**
 * Tells Flyway that {@code jdbc:pluresdb:} URLs and connections whose product is PluresDB are
 * handled like SQLite, by {@link PluresFlywayDatabase}. Flyway finds it with its plugin loader.
 */
public class PluresDatabaseType extends SQLiteDatabaseType {
  static final String URL_PREFIX = "jdbc:pluresdb:";
  static final String DRIVER = "io.pluresdb.jdbc.PluresDriver";
  static final String PRODUCT = "PluresDB";

  @Override
  public String getName() {
    return PRODUCT;
  }

  @Override
  public boolean handlesJDBCUrl(String url) {
    return url.startsWith(URL_PREFIX);
  }

  @Override
  public String getDriverClass(String url, ClassLoader classLoader) {
    return DRIVER;
  }

  @Override
  public boolean handlesDatabaseProductNameAndVersion(
      String databaseProductName, String databaseProductVersion, Connection connection) {
    return databaseProductName.startsWith(PRODUCT);
  }

  @Override
  public Database<?> createDatabase(
      Configuration configuration,
      JdbcConnectionFactory jdbcConnectionFactory,
      StatementInterceptor statementInterceptor) {
    return new PluresFlywayDatabase(configuration, jdbcConnectionFactory, statementInterceptor);
  }
}
