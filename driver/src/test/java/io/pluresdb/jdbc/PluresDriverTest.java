package io.pluresdb.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ServiceLoader;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class PluresDriverTest {

  @Test
  void isRegisteredThroughTheServiceFile() {
    assertThat(
            ServiceLoader.load(Driver.class).stream()
                .map(p -> p.type().getName())
                .collect(Collectors.toList()))
        .contains(PluresDriver.class.getName());
  }

  @Test
  void driverManagerFindsItForPluresUrlsOnly() throws SQLException {
    assertThat(DriverManager.getDriver("jdbc:pluresdb:mem:x")).isInstanceOf(PluresDriver.class);
    PluresDriver d = PluresDriver.register();
    assertThat(d.acceptsURL("jdbc:pluresdb:./a.db")).isTrue();
    assertThat(d.acceptsURL("jdbc:sqlite:a.db")).isFalse();
    assertThat(d.connect("jdbc:sqlite:a.db", null)).isNull();
  }

  @Test
  void isHonestAboutCompliance() {
    assertThat(PluresDriver.register().jdbcCompliant()).isFalse();
  }
}
