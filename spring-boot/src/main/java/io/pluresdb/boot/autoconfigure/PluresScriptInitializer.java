package io.pluresdb.boot.autoconfigure;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.springframework.boot.jdbc.autoconfigure.ApplicationDataSourceScriptDatabaseInitializer;
import org.springframework.boot.sql.autoconfigure.init.SqlInitializationProperties;

/**
 * Boot's {@code spring.sql.init} for the application's data source, which counts a PluresDB
 * database as embedded (it runs in the application's process, on a local file or in memory), so
 * {@code schema.sql} and {@code data.sql} run by default ({@code spring.sql.init.mode=embedded}) as
 * they do for H2.
 */
final class PluresScriptInitializer extends ApplicationDataSourceScriptDatabaseInitializer {
  PluresScriptInitializer(DataSource dataSource, SqlInitializationProperties properties) {
    super(dataSource, properties);
  }

  @Override
  protected boolean isEmbeddedDatabase() {
    try (Connection c = getDataSource().getConnection()) {
      if (PluresHealthIndicator.PRODUCT.equals(c.getMetaData().getDatabaseProductName())) {
        return true;
      }
    } catch (SQLException e) {
      // not reachable: let Boot decide as it would without PluresDB
    }
    return super.isEmbeddedDatabase();
  }
}
