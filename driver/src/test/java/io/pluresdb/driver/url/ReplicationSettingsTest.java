package io.pluresdb.driver.url;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.pluresdb.engine.api.ReplicationSettings;
import java.net.URI;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

class ReplicationSettingsTest {
  private static ReplicationSettings of(String query) throws SQLException {
    return EngineUrls.replication(ConnectionUrl.parse("jdbc:pluresdb:mem:r?" + query, null));
  }

  private static SQLException refused(String query) {
    return catchThrowableOfType(SQLException.class, () -> of(query));
  }

  @Test
  void withoutListenOrPeersReplicationIsOff() throws Exception {
    ReplicationSettings s = of("token=x");
    assertThat(s.enabled()).isFalse();
    assertThat(s.token()).isEqualTo("x");
  }

  @Test
  void peersAreACommaSeparatedListOfWebSocketUrls() throws Exception {
    ReplicationSettings s = of("peers=ws://10.0.0.1:7777, wss://hub.example.org:443/sync,");
    assertThat(s.peers())
        .containsExactly(
            URI.create("ws://10.0.0.1:7777"), URI.create("wss://hub.example.org:443/sync"));
    assertThat(s.enabled()).isTrue();
  }

  @Test
  void listenTakesHostAndPortWithPortZeroAndIpv6() throws Exception {
    assertThat(of("listen=127.0.0.1:0").listen().getPort()).isZero();
    assertThat(of("listen=127.0.0.1:7777").listen().getAddress().isLoopbackAddress()).isTrue();
    assertThat(of("listen=[::1]:7000").listen().getAddress().isLoopbackAddress()).isTrue();
  }

  @Test
  void badValuesNameTheProperty() {
    SQLException noPort = refused("listen=127.0.0.1");
    assertThat(noPort.getSQLState()).isEqualTo("08001");
    assertThat(noPort.getMessage()).contains("'listen'").contains("host:port");
    assertThat(refused("listen=127.0.0.1:99999").getMessage()).contains("0 to 65535");
    assertThat(refused("listen=127.0.0.1:http").getMessage()).contains("port number");
    SQLException scheme = refused("peers=ws://a:1,tcp://b:2");
    assertThat(scheme.getMessage()).contains("'peers'").contains("tcp://b:2");
  }

  @Test
  void tlsPropertiesReachTheTransport() throws Exception {
    ReplicationSettings s =
        of("listen=127.0.0.1:0&key_store=/k.p12&key_store_password=pw&trust_all=true");
    assertThat(s.tls().serverEnabled()).isTrue();
    assertThat(s.tls().keyStorePassword()).isEqualTo("pw");
    assertThat(s.tls().trustAll()).isTrue();
    assertThat(s.toConfig().tls()).isEqualTo(s.tls());
  }
}
