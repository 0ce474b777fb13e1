package io.pluresdb.boot.autoconfigure;

import io.pluresdb.jdbc.PluresDriver;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;

/**
 * {@code spring.datasource.*} for a PluresDB URL, with the driver class Boot cannot derive from the
 * URL itself (its list of known databases does not include PluresDB). An embedded database has no
 * users: user name and password are passed on as given, and the driver ignores them.
 */
final class PluresConnectionDetails implements JdbcConnectionDetails {
  private final DataSourceProperties properties;

  PluresConnectionDetails(DataSourceProperties properties) {
    this.properties = properties;
  }

  @Override
  public String getJdbcUrl() {
    return properties.determineUrl();
  }

  @Override
  public @Nullable String getUsername() {
    return properties.getUsername();
  }

  @Override
  public @Nullable String getPassword() {
    return properties.getPassword();
  }

  @Override
  public String getDriverClassName() {
    String configured = properties.getDriverClassName();
    return configured != null ? configured : PluresDriver.class.getName();
  }
}
