package io.pluresdb.driver.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pluresdb.jdbc.PluresConnection;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The listener's admission properties, set on the URL, reach the socket. */
@Timeout(120)
class ListenerAdmissionTest {

  @Test
  void aHalfSentRequestIsClosedAfterTheUrlsRequestTimeout() throws Exception {
    String url = Db.freshMemoryUrl() + "?listen=127.0.0.1:0&request_timeout=300";
    try (Connection c = Db.connect(url);
        Socket s = new Socket("127.0.0.1", c.unwrap(PluresConnection.class).listenPort())) {
      s.getOutputStream()
          .write("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n".getBytes(StandardCharsets.US_ASCII));
      s.setSoTimeout(60_000); // generous: the listener closes it after 300 ms
      InputStream in = s.getInputStream();
      int b;
      try {
        do {
          b = in.read();
        } while (b >= 0);
      } catch (SocketTimeoutException e) {
        throw new AssertionError("the listener kept a half-sent request open for 60 s", e);
      } catch (IOException reset) {
        b = -1; // a reset is a close too
      }
      assertThat(b).isEqualTo(-1);
    }
  }

  @Test
  void aBadBoundIsRefusedWith08001NamingTheProperties() {
    assertThatThrownBy(
            () -> Db.connect(Db.freshMemoryUrl() + "?listen=127.0.0.1:0&max_connections=0"))
        .isInstanceOf(SQLException.class)
        .satisfies(e -> assertThat(((SQLException) e).getSQLState()).startsWith("08"))
        .hasMessageContaining("max_connections");
  }
}
