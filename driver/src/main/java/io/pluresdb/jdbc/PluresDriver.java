package io.pluresdb.jdbc;

import io.pluresdb.crdt.error.Errors;
import io.pluresdb.driver.jdbc.Boundary;
import io.pluresdb.driver.jdbc.ConnectionImpl;
import io.pluresdb.driver.meta.DatabaseMetaDataImpl;
import io.pluresdb.driver.meta.DriverInfo;
import io.pluresdb.driver.url.ConnectionUrl;
import io.pluresdb.driver.url.EngineUrls;
import io.pluresdb.driver.url.PluresProperty;
import io.pluresdb.engine.EngineRegistry;
import io.pluresdb.engine.api.EngineLease;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.DriverPropertyInfo;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Properties;
import java.util.logging.Logger;
import org.jspecify.annotations.Nullable;

/**
 * The JDBC driver for {@code jdbc:pluresdb:<file>} and {@code jdbc:pluresdb:mem:<name>} URLs.
 * Registered with {@link DriverManager} when loaded, and found through {@code
 * META-INF/services/java.sql.Driver}. Connections to one database share one engine.
 *
 * <p>Thread-safe.
 */
public final class PluresDriver implements Driver {
  private static final PluresDriver INSTANCE = new PluresDriver();

  static {
    try {
      DriverManager.registerDriver(INSTANCE);
    } catch (SQLException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  /** Makes sure the driver is registered (loading this class registers it). */
  public static PluresDriver register() {
    return INSTANCE;
  }

  @Override
  public @Nullable Connection connect(String url, Properties info) throws SQLException {
    if (!acceptsURL(url)) {
      return null; // JDBC: another driver's URL
    }
    ConnectionUrl parsed = ConnectionUrl.parse(url, info);
    // opening reads the store: a damaged file fails here with SQLite's code, given its state
    return Boundary.guard(
        () -> "opening the database",
        () -> {
          EngineLease lease =
              EngineRegistry.global()
                  .acquire(parsed.target(), EngineUrls.settings(parsed), parsed.url());
          return new ConnectionImpl(parsed, lease, DatabaseMetaDataImpl::new);
        });
  }

  @Override
  public boolean acceptsURL(String url) {
    return ConnectionUrl.accepts(url);
  }

  @Override
  public DriverPropertyInfo[] getPropertyInfo(String url, Properties info) throws SQLException {
    Properties effective =
        acceptsURL(url) ? ConnectionUrl.parse(url, info).properties() : new Properties();
    PluresProperty[] all = PluresProperty.values();
    DriverPropertyInfo[] result = new DriverPropertyInfo[all.length];
    for (int i = 0; i < all.length; i++) {
      result[i] = all[i].toDriverPropertyInfo(effective);
    }
    return result;
  }

  @Override
  public int getMajorVersion() {
    return DriverInfo.MAJOR;
  }

  @Override
  public int getMinorVersion() {
    return DriverInfo.MINOR;
  }

  /**
   * False: JDBC compliance requires full SQL-92 Entry Level and a test-suite run that this driver
   * has not passed.
   */
  @Override
  public boolean jdbcCompliant() {
    return false;
  }

  @Override
  public Logger getParentLogger() throws SQLFeatureNotSupportedException {
    throw Errors.unsupported("Driver.getParentLogger");
  }
}
