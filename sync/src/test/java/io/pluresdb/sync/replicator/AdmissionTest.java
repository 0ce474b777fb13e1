package io.pluresdb.sync.replicator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.pluresdb.sync.netty.Admission;
import io.pluresdb.sync.netty.RecordingSession;
import io.pluresdb.sync.protocol.Role;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A listener's admission over real loopback sockets: deadlines and connection bounds. */
@Timeout(120)
class AdmissionTest {
  /** How long a test waits for the listener to close a socket: generous, for a loaded machine. */
  private static final int CLOSE_WAIT_MILLIS = 60_000;

  private final Rig rig = new Rig();
  private final List<Socket> sockets = new ArrayList<>();

  @AfterEach
  void closeAll() throws Exception {
    for (Socket s : sockets) {
      s.close();
    }
    rig.close();
  }

  private Replicator listener(Admission admission) throws Exception {
    return rig.start(
        ReplicatorConfig.of(new InetSocketAddress("127.0.0.1", 0), List.of(), null)
            .withAdmission(admission));
  }

  private Socket connect(Replicator r) throws IOException {
    Socket s = new Socket("127.0.0.1", r.listenAddress().getPort());
    sockets.add(s);
    return s;
  }

  /** A connection the listener has counted as the {@code nth} one open. */
  private Socket admitted(Replicator r, int nth) throws IOException {
    Socket s = connect(r);
    await().atMost(Duration.ofSeconds(60)).until(() -> r.openConnections() == nth);
    return s;
  }

  /** True once the listener has closed the socket (end of stream) within the wait. */
  private static boolean closedByListener(Socket s, int waitMillis) throws IOException {
    s.setSoTimeout(waitMillis);
    InputStream in = s.getInputStream();
    try {
      while (true) {
        int b = in.read();
        if (b < 0) {
          return true;
        }
      }
    } catch (SocketTimeoutException stillOpen) {
      return false;
    } catch (IOException reset) {
      return true; // a reset is a close too
    }
  }

  @Test
  void aRequestThatNeverEndsIsClosedAtItsDeadline() throws Exception {
    Replicator r = listener(new Admission(Duration.ofMillis(300), 100, 100));
    Socket s = connect(r);
    s.getOutputStream()
        .write("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n".getBytes(StandardCharsets.US_ASCII));
    s.getOutputStream().flush();
    assertThat(closedByListener(s, CLOSE_WAIT_MILLIS)).isTrue();
  }

  @Test
  void aSilentConnectionIsClosedAtItsDeadline() throws Exception {
    Replicator r = listener(new Admission(Duration.ofMillis(300), 100, 100));
    assertThat(closedByListener(connect(r), CLOSE_WAIT_MILLIS)).isTrue();
  }

  @Test
  void connectionsBeyondTheBoundForOneAddressAreClosedAtOnce() throws Exception {
    Replicator r = listener(new Admission(Duration.ofMinutes(10), 100, 2));
    Socket first = admitted(r, 1);
    Socket second = admitted(r, 2);
    Socket third = connect(r);
    assertThat(closedByListener(third, CLOSE_WAIT_MILLIS)).isTrue();
    // the two within the bound are still open: their deadline is minutes away
    assertThat(closedByListener(first, 200)).isFalse();
    assertThat(closedByListener(second, 200)).isFalse();
  }

  @Test
  void aClosedConnectionGivesItsPlaceBack() throws Exception {
    Replicator r = listener(new Admission(Duration.ofMinutes(10), 1, 1));
    Socket first = admitted(r, 1);
    assertThat(closedByListener(connect(r), CLOSE_WAIT_MILLIS)).isTrue();
    first.close();
    await().atMost(Duration.ofSeconds(60)).until(() -> r.openConnections() == 0);
    Socket next = admitted(r, 1);
    assertThat(closedByListener(next, 200)).isFalse();
  }

  private Optional<RecordingSession> serverSession() {
    return rig.sessions.stream().filter(s -> s.role == Role.SERVER).reduce((a, b) -> b);
  }

  @Test
  void aWebSocketSessionOutlivesTheRequestDeadline() throws Exception {
    Replicator hub = listener(new Admission(Duration.ofMillis(500), 100, 100));
    rig.start(
        ReplicatorConfig.of(
            null, List.of(URI.create("ws://127.0.0.1:" + hub.listenAddress().getPort())), null));
    // a session is open once the hub's side exists
    await().atMost(Duration.ofSeconds(60)).until(() -> serverSession().isPresent());
    RecordingSession server = serverSession().orElseThrow();
    // for three times the deadline, the upgraded connection stays the one session it was
    await()
        .during(Duration.ofMillis(1_500))
        .atMost(Duration.ofSeconds(60))
        .until(() -> !server.disconnected && serverSession().orElseThrow() == server);
  }
}
