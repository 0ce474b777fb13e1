package io.pluresdb.boot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import io.pluresdb.boot.app.PetClinic;
import io.pluresdb.jdbc.PluresDataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * What the PluresDB auto-configuration gives a Boot application that sets only {@code
 * spring.datasource.url}: Boot's pool, the seed script run as for an embedded database, the {@code
 * pluresdb} health indicator and replication meters that follow a real peer over loopback, and a
 * {@link PluresDataSource} when Boot builds no pool.
 */
@Timeout(300)
class AutoConfigurationTest {
  private static final Duration WAIT = Duration.ofSeconds(60);

  @TempDir Path dir;

  private ConfigurableApplicationContext start(String url, String... more) {
    String[] args = new String[more.length + 3];
    args[0] = "--spring.datasource.url=" + url;
    args[1] = "--spring.jpa.defer-datasource-initialization=true";
    args[2] = "--spring.main.banner-mode=off";
    System.arraycopy(more, 0, args, 3, more.length);
    return SpringApplication.run(PetClinic.class, args);
  }

  private static double meter(MeterRegistry registry, String name, String... tags) {
    var search = registry.find(name).tags(tags);
    return search.gauge() != null ? search.gauge().value() : search.functionCounter().count();
  }

  @Test
  void healthAndMetersFollowAPeer() throws Exception {
    try (ConfigurableApplicationContext app =
        start(
            "jdbc:pluresdb:" + dir.resolve("hub.db") + "?listen=127.0.0.1:0",
            // the replicated table is made here in SQL; the clinic's schema stays out of it
            "--spring.jpa.hibernate.ddl-auto=none",
            "--spring.sql.init.mode=never",
            "--management.endpoint.health.show-details=always")) {
      assertThat(app.getBean(DataSource.class)).isInstanceOf(HikariDataSource.class);
      HealthIndicator indicator = app.getBean("pluresdbHealthIndicator", HealthIndicator.class);
      Health health = indicator.health();
      assertThat(health.getStatus()).isEqualTo(Status.UP);
      Map<String, Object> details = health.getDetails();
      assertThat(details).containsEntry("database", "PluresDB").containsEntry("peers", 0);
      assertThat((String) details.get("node")).isNotBlank();
      int port = (Integer) details.get("listenPort");
      assertThat(port).isPositive();
      // the actuator's health endpoint includes it under its name
      assertThat(app.getBean(HealthEndpoint.class).healthForPath("pluresdb").getStatus())
          .isEqualTo(Status.UP);

      MeterRegistry registry = app.getBean(MeterRegistry.class);
      assertThat(meter(registry, "pluresdb.peers", "state", "live")).isZero();
      try (Connection peer =
          DriverManager.getConnection(
              "jdbc:pluresdb:" + dir.resolve("peer.db") + "?peers=ws://127.0.0.1:" + port)) {
        await()
            .atMost(WAIT)
            .untilAsserted(
                () -> assertThat(meter(registry, "pluresdb.peers", "state", "live")).isOne());
        assertThat(indicator.health().getDetails()).containsEntry("livePeers", 1);
        double sentBefore = meter(registry, "pluresdb.transactions.sent");
        try (Connection c = app.getBean(DataSource.class).getConnection();
            Statement s = c.createStatement()) {
          s.execute("CREATE TABLE note (id INTEGER PRIMARY KEY, text VARCHAR(100))");
          s.execute("INSERT INTO note VALUES (1, 'written on the hub')");
        }
        await()
            .atMost(WAIT)
            .untilAsserted(
                () ->
                    assertThat(meter(registry, "pluresdb.transactions.sent"))
                        .isGreaterThan(sentBefore));
        try (Statement s = peer.createStatement()) {
          await()
              .atMost(WAIT)
              .ignoreExceptions() // until the table arrives
              .untilAsserted(
                  () -> {
                    try (var rs =
                        s.executeQuery(
                            "SELECT COUNT(*) FROM note WHERE text = 'written on the hub'")) {
                      assertThat(rs.next() && rs.getInt(1) == 1).isTrue();
                    }
                  });
        }
      }
    }
  }

  @Test
  void withoutBootsPoolTheDataSourceIsAPluresDataSource() throws Exception {
    try (ConfigurableApplicationContext app =
        start(
            "jdbc:pluresdb:" + dir.resolve("plain.db"),
            "--spring.jpa.hibernate.ddl-auto=create",
            "--spring.autoconfigure.exclude="
                + "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration")) {
      DataSource dataSource = app.getBean(DataSource.class);
      assertThat(dataSource).isInstanceOf(PluresDataSource.class);
      // the seed script ran: the database counts as embedded for spring.sql.init
      try (Connection c = dataSource.getConnection();
          Statement s = c.createStatement();
          var rs = s.executeQuery("SELECT COUNT(*) FROM owner")) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getInt(1)).isGreaterThanOrEqualTo(4);
      }
      assertThat(app.getBean("pluresdbHealthIndicator", HealthIndicator.class).health().getStatus())
          .isEqualTo(Status.UP);
    }
  }
}
