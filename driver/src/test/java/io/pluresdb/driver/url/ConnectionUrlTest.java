package io.pluresdb.driver.url;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pluresdb.engine.api.DatabaseTarget;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConnectionUrlTest {

  @Test
  void filePathAndMemoryNameAreTheTwoTargets() throws SQLException {
    ConnectionUrl file = ConnectionUrl.parse("jdbc:pluresdb:./data/app.db", null);
    assertThat(file.target().inMemory()).isFalse();
    assertThat(file.target().file()).isEqualTo(Path.of("./data/app.db"));

    ConnectionUrl mem = ConnectionUrl.parse("jdbc:pluresdb:mem:orders", null);
    assertThat(mem.target().inMemory()).isTrue();
    assertThat(mem.target().memoryName()).isEqualTo("orders");
    assertThat(mem.target().canonicalKey()).isEqualTo("mem:orders");
  }

  @Test
  void queryPropertiesAreDecodedAndNormalized() throws SQLException {
    ConnectionUrl url =
        ConnectionUrl.parse(
            "jdbc:pluresdb:mem:a?synchronous=full&node=n%C3%B6de%201&read_only=TRUE", null);
    assertThat(url.get(PluresProperty.SYNCHRONOUS)).isEqualTo("FULL");
    assertThat(url.get(PluresProperty.NODE)).isEqualTo("nöde 1");
    assertThat(url.getBoolean(PluresProperty.READ_ONLY)).isTrue();
    assertThat(url.getMillis(PluresProperty.LOCK_TIMEOUT)).isEqualTo(5000);
  }

  @Test
  void urlPropertiesOverrideGivenPropertiesAndUnknownGivenOnesAreIgnored() throws SQLException {
    Properties info = new Properties();
    info.setProperty("synchronous", "FULL");
    info.setProperty("lock_timeout", "10");
    info.setProperty("ApplicationName", "some tool");
    ConnectionUrl url = ConnectionUrl.parse("jdbc:pluresdb:mem:a?lock_timeout=20", info);
    assertThat(url.get(PluresProperty.SYNCHRONOUS)).isEqualTo("FULL");
    assertThat(url.getMillis(PluresProperty.LOCK_TIMEOUT)).isEqualTo(20);
    assertThat(url.properties().stringPropertyNames())
        .containsExactlyInAnyOrder("synchronous", "lock_timeout");
  }

  @Test
  void unknownUrlKeyIsAConnectionErrorNamingIt() {
    assertThatThrownBy(() -> ConnectionUrl.parse("jdbc:pluresdb:mem:a?ef_serch=5", null))
        .isInstanceOf(SQLException.class)
        .hasMessageContaining("'ef_serch'")
        .extracting(e -> ((SQLException) e).getSQLState())
        .isEqualTo("08001");
  }

  @Test
  void badValueNamesKeyAndValue() {
    assertThatThrownBy(() -> ConnectionUrl.parse("jdbc:pluresdb:a.db?synchronous=OFF", null))
        .hasMessageContaining("'OFF'")
        .hasMessageContaining("'synchronous'")
        .extracting(e -> ((SQLException) e).getSQLState())
        .isEqualTo("08001");
    assertThatThrownBy(() -> ConnectionUrl.parse("jdbc:pluresdb:a.db?lock_timeout=-1", null))
        .hasMessageContaining("'-1'")
        .hasMessageContaining("'lock_timeout'");
  }

  @Test
  void missingLocationsAreRefused() {
    assertThatThrownBy(() -> ConnectionUrl.parse("jdbc:pluresdb:", null))
        .hasMessageContaining("missing database file");
    assertThatThrownBy(() -> ConnectionUrl.parse("jdbc:pluresdb:mem:", null))
        .hasMessageContaining("missing in-memory database name");
    assertThatThrownBy(() -> ConnectionUrl.parse("jdbc:sqlite:a.db", null))
        .hasMessageContaining("not a PluresDB URL");
  }

  @Test
  void onlyPluresUrlsAreAccepted() {
    assertThat(ConnectionUrl.accepts("jdbc:pluresdb:x.db")).isTrue();
    assertThat(ConnectionUrl.accepts("jdbc:pluresdb:mem:x")).isTrue();
    assertThat(ConnectionUrl.accepts("jdbc:sqlite:x.db")).isFalse();
    assertThat(ConnectionUrl.accepts("JDBC:PLURESDB:x")).isFalse();
    assertThat(ConnectionUrl.accepts(null)).isFalse();
  }

  @Test
  void spellingsOfOneFileShareOneKey(@TempDir Path dir) throws Exception {
    Path sub = Files.createDirectory(dir.resolve("sub"));
    Path link = Files.createSymbolicLink(dir.resolve("link"), sub);
    String a = DatabaseTarget.ofFile(sub.resolve("app.db")).canonicalKey();
    String b = DatabaseTarget.ofFile(dir.resolve("sub/../sub/app.db")).canonicalKey();
    String c = DatabaseTarget.ofFile(link.resolve("app.db")).canonicalKey();
    assertThat(b).isEqualTo(a);
    assertThat(c).isEqualTo(a);
    assertThat(DatabaseTarget.ofFile(sub.resolve("other.db")).canonicalKey()).isNotEqualTo(a);
  }
}
