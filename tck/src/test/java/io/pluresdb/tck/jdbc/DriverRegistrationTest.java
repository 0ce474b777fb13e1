package io.pluresdb.tck.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.DriverPropertyInfo;
import java.util.Properties;
import java.util.ServiceLoader;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The driver is found through the service loader and claims only its own URLs. */
class DriverRegistrationTest {

  @Test
  void driverManagerFindsTheDriverForPluresdbUrls() throws Exception {
    Driver driver = DriverManager.getDriver("jdbc:pluresdb:mem:registration");
    assertThat(driver.acceptsURL("jdbc:pluresdb:mem:x")).isTrue();
    assertThat(driver.acceptsURL("jdbc:pluresdb:./data/app.db")).isTrue();
    assertThat(driver.acceptsURL("jdbc:pluresdb:/tmp/app.db?synchronous=FULL")).isTrue();
  }

  @Test
  void driverIsRegisteredThroughMetaInfServices() {
    var drivers =
        ServiceLoader.load(Driver.class).stream()
            .map(ServiceLoader.Provider::get)
            .filter(d -> acceptsQuietly(d, "jdbc:pluresdb:mem:x"))
            .collect(Collectors.toList());
    assertThat(drivers).hasSize(1);
  }

  @Test
  void driverRejectsOtherUrlsAndReturnsNullFromConnect() throws Exception {
    Driver driver = DriverManager.getDriver("jdbc:pluresdb:mem:registration");
    assertThat(driver.acceptsURL("jdbc:sqlite:app.db")).isFalse();
    assertThat(driver.acceptsURL("jdbc:postgresql://localhost/x")).isFalse();
    assertThat(driver.acceptsURL("pluresdb:mem:x")).isFalse();
    assertThat(driver.acceptsURL("jdbc:pluresdbx:mem:x")).isFalse();
    // JDBC: a driver asked to connect to a URL it does not own returns null.
    assertThat(driver.connect("jdbc:sqlite:app.db", new Properties())).isNull();
  }

  @Test
  void driverDescribesItsPropertiesAndVersion() throws Exception {
    Driver driver = DriverManager.getDriver("jdbc:pluresdb:mem:registration");
    DriverPropertyInfo[] info = driver.getPropertyInfo("jdbc:pluresdb:mem:x", new Properties());
    assertThat(info).isNotEmpty();
    assertThat(info)
        .allSatisfy(
            p -> {
              assertThat(p.name).isNotBlank();
              assertThat(p.description).isNotBlank();
            });
    assertThat(driver.getMajorVersion()).isGreaterThanOrEqualTo(0);
    assertThat(driver.getMajorVersion() + driver.getMinorVersion()).isPositive();
  }

  @Test
  void connectionsOpenForFileAndMemoryUrls(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
      throws Exception {
    try (Connection file = Db.open(Db.fileUrl(dir, "reg"));
        Connection mem = Db.open(Db.memUrl())) {
      assertThat(file.isValid(1)).isTrue();
      assertThat(mem.isValid(1)).isTrue();
      assertThat(file.getMetaData().getURL()).startsWith("jdbc:pluresdb:");
    }
  }

  private static boolean acceptsQuietly(Driver d, String url) {
    try {
      return d.acceptsURL(url);
    } catch (java.sql.SQLException e) {
      return false;
    }
  }
}
