package io.pluresdb.flyway;

import org.flywaydb.core.api.configuration.Configuration;
import org.flywaydb.core.internal.database.sqlite.SQLiteDatabase;
import org.flywaydb.core.internal.jdbc.JdbcConnectionFactory;
import org.flywaydb.core.internal.jdbc.StatementInterceptor;

/**
 * SQLite's Flyway support on a PluresDB connection. Only the version check differs: the version a
 * PluresDB connection reports is the driver's, not SQLite's, so SQLite's minimum does not apply.
 */
final class PluresFlywayDatabase extends SQLiteDatabase {
  PluresFlywayDatabase(
      Configuration configuration,
      JdbcConnectionFactory jdbcConnectionFactory,
      StatementInterceptor statementInterceptor) {
    super(configuration, jdbcConnectionFactory, statementInterceptor);
  }

  @Override
  public void ensureSupported(Configuration configuration) {
    // every PluresDB version speaks the SQLite subset Flyway uses
  }
}
