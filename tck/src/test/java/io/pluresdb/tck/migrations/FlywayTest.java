package io.pluresdb.tck.migrations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;
import org.flywaydb.core.api.output.MigrateResult;
import org.flywaydb.core.api.output.ValidateResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Flyway, as an application runs it at start, on a PluresDB file: each run is a fresh Flyway. */
@Timeout(300)
class FlywayTest {
  @TempDir Path tmp;

  private String url() {
    return "jdbc:pluresdb:" + tmp.resolve("app.db");
  }

  private Path scripts() throws IOException {
    return Files.createDirectories(tmp.resolve("migration"));
  }

  private void script(String name, String sql) throws IOException {
    Files.writeString(scripts().resolve(name), sql, StandardCharsets.UTF_8);
  }

  private Flyway flyway() throws IOException {
    return Flyway.configure()
        .dataSource(url(), null, null)
        .locations("filesystem:" + scripts())
        .load();
  }

  private List<String> rows(String sql) throws SQLException {
    try (Connection c = DriverManager.getConnection(url());
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      List<String> out = new ArrayList<>();
      int n = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        StringBuilder row = new StringBuilder();
        for (int i = 1; i <= n; i++) {
          row.append(i > 1 ? "|" : "").append(rs.getString(i));
        }
        out.add(row.toString());
      }
      return out;
    }
  }

  private void createInventory() throws IOException {
    script(
        "V1__create_inventory.sql",
        """
        CREATE TABLE product (
          id INTEGER PRIMARY KEY,
          name VARCHAR(100) NOT NULL UNIQUE,
          price DECIMAL(10, 2) NOT NULL
        );
        CREATE INDEX product_price ON product (price);
        INSERT INTO product (id, name, price) VALUES (1, 'kettle', 24.50);
        INSERT INTO product (id, name, price) VALUES (2, 'teapot', 18.00);
        """);
    script(
        "V2__add_stock.sql",
        """
        ALTER TABLE product ADD COLUMN stock INTEGER NOT NULL DEFAULT 0;
        UPDATE product SET stock = 5 WHERE name = 'kettle';
        """);
  }

  @Test
  void migratesCreatesAltersAndSeeds() throws Exception {
    createInventory();
    MigrateResult result = flyway().migrate();

    assertThat(result.success).isTrue();
    assertThat(result.migrationsExecuted).isEqualTo(2);
    assertThat(result.targetSchemaVersion).isEqualTo("2");
    assertThat(rows("SELECT name, stock FROM product ORDER BY id"))
        .containsExactly("kettle|5", "teapot|0");
    assertThat(
            rows(
                "SELECT installed_rank, version, description, type, script"
                    + " FROM flyway_schema_history WHERE success ORDER BY installed_rank"))
        .containsExactly(
            "1|1|create inventory|SQL|V1__create_inventory.sql",
            "2|2|add stock|SQL|V2__add_stock.sql");
  }

  @Test
  void aLaterMigrationRunsOnTheNextStartAndNothingTwice() throws Exception {
    createInventory();
    assertThat(flyway().migrate().migrationsExecuted).isEqualTo(2);
    assertThat(flyway().migrate().migrationsExecuted).isZero();

    script(
        "V3__orders.sql",
        """
        CREATE TABLE orders (
          id INTEGER PRIMARY KEY,
          product_id INTEGER NOT NULL REFERENCES product (id),
          quantity INTEGER NOT NULL
        );
        INSERT INTO orders (id, product_id, quantity) VALUES (1, 2, 3);
        """);
    Flyway restarted = flyway();
    assertThat(restarted.info().pending())
        .extracting(MigrationInfo::getScript)
        .containsExactly("V3__orders.sql");
    assertThat(restarted.migrate().migrationsExecuted).isEqualTo(1);

    assertThat(restarted.info().current().getVersion().getVersion()).isEqualTo("3");
    assertThat(restarted.info().all())
        .extracting(MigrationInfo::getState)
        .containsOnly(MigrationState.SUCCESS);
    assertThat(restarted.validateWithResult().validationSuccessful).isTrue();
    assertThat(
            rows("SELECT p.name, o.quantity FROM orders o JOIN product p ON p.id = o.product_id"))
        .containsExactly("teapot|3");
  }

  @Test
  void validateSeesAnAppliedScriptThatChanged() throws Exception {
    createInventory();
    flyway().migrate();
    script("V2__add_stock.sql", "ALTER TABLE product ADD COLUMN stock INTEGER;\n");

    ValidateResult result = flyway().validateWithResult();
    assertThat(result.validationSuccessful).isFalse();
    assertThat(result.getAllErrorMessages()).contains("checksum mismatch");
    assertThatThrownBy(() -> flyway().migrate()).hasMessageContaining("checksum mismatch");
  }

  @Test
  void baselinesADatabaseThatPredatesFlyway() throws Exception {
    try (Connection c = DriverManager.getConnection(url());
        Statement s = c.createStatement()) {
      s.execute("CREATE TABLE legacy (id INTEGER PRIMARY KEY, note TEXT)");
      s.execute("INSERT INTO legacy VALUES (1, 'from before')");
    }
    script("V1__legacy.sql", "CREATE TABLE legacy (id INTEGER PRIMARY KEY, note TEXT);\n");
    script("V2__legacy_flag.sql", "ALTER TABLE legacy ADD COLUMN flagged BOOLEAN DEFAULT FALSE;\n");

    Flyway flyway =
        Flyway.configure()
            .dataSource(url(), null, null)
            .locations("filesystem:" + scripts())
            .baselineVersion("1")
            .load();
    // a non-empty schema without history is refused until it is baselined
    assertThatThrownBy(flyway::migrate).hasMessageContaining("baseline");
    flyway.baseline();
    assertThat(flyway.migrate().migrationsExecuted).isEqualTo(1);

    assertThat(flyway.info().applied())
        .extracting(i -> i.getVersion().getVersion() + " " + i.getType())
        .containsExactly("1 BASELINE", "2 SQL");
    assertThat(rows("SELECT id, note FROM legacy WHERE flagged = FALSE"))
        .containsExactly("1|from before");
  }
}
