package io.pluresdb.sync.replicator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.pluresdb.sync.logging.CapturedLog;
import io.pluresdb.sync.logging.CapturedLog.Event;
import io.pluresdb.sync.netty.TlsSettings;
import io.pluresdb.sync.protocol.CloseReason;
import io.pluresdb.sync.protocol.CloseReason.Code;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.event.Level;

/**
 * A peer that cannot be reached is retried for ever; the log says so once per kind of failure, on
 * one line without a stack trace, and keeps the details (with the trace) at debug for every try.
 * Real sockets on loopback, the log captured by the tests' own SLF4J provider.
 */
@Timeout(180)
class FailureLogTest {
  private static final Duration WAIT = Duration.ofSeconds(60);

  private final Rig rig = new Rig();

  @TempDir Path dir;

  @BeforeEach
  void capture() {
    CapturedLog.start();
  }

  @AfterEach
  void closeAll() throws Exception {
    rig.close();
    CapturedLog.stop();
  }

  private static List<Event> at(Level level) {
    return CapturedLog.events().stream().filter(e -> e.level() == level).toList();
  }

  private static long retries(String what) {
    return at(Level.DEBUG).stream()
        .filter(e -> e.message().startsWith("connection to peer") && e.message().contains(what))
        .count();
  }

  private void assertOneWarningLine(String what) {
    List<Event> warnings = at(Level.WARN);
    assertThat(warnings).hasSize(1);
    Event w = warnings.get(0);
    assertThat(w.message()).contains("cannot reach peer").contains(what).doesNotContain("\n");
    assertThat(w.thrown()).isNull();
    assertThat(at(Level.ERROR)).isEmpty();
    // the details are at debug, with the stack trace
    assertThat(at(Level.DEBUG)).anyMatch(e -> e.thrown() != null);
  }

  @Test
  void aRefusedConnectionIsOneWarningForManyRetries() throws Exception {
    int port;
    try (ServerSocket free = new ServerSocket(0)) {
      port = free.getLocalPort();
    }
    rig.start(ReplicatorConfig.of(null, List.of(URI.create("ws://127.0.0.1:" + port)), null));

    await().atMost(WAIT).until(() -> retries("connection refused") >= 5);
    assertOneWarningLine("connection refused");
  }

  @Test
  void anUntrustedCertificateIsOneWarningForManyRetries() throws Exception {
    // the hub serves wss:// with a self-signed certificate the client was not told to trust
    KeyStores.Pair stores = KeyStores.create(dir, "s3cret");
    Replicator hub =
        rig.start(
            ReplicatorConfig.of(new InetSocketAddress("127.0.0.1", 0), List.of(), "s3cret")
                .withTls(new TlsSettings(stores.keyStore(), "s3cret", null, null, false)));
    URI wss = URI.create("wss://127.0.0.1:" + hub.listenAddress().getPort());
    rig.start(ReplicatorConfig.of(null, List.of(wss), "s3cret"));

    await()
        .atMost(WAIT)
        .untilAsserted(
            () ->
                assertThat(retries("TLS handshake failed"))
                    .as(() -> at(Level.WARN).toString())
                    .isGreaterThanOrEqualTo(5));
    assertOneWarningLine("TLS handshake failed");
  }

  @Test
  void aNewKindOfFailureIsNewsAgain() {
    FailureLog log = new FailureLog(URI.create("ws://127.0.0.1:1"));
    log.refused(new CloseReason(Code.AUTH_FAILED, "a valid token is required"));
    log.refused(new CloseReason(Code.AUTH_FAILED, "a valid token is required"));
    log.failed(new java.net.ConnectException("Connection refused"));
    log.failed(new java.net.ConnectException("Connection refused"));
    log.reached();
    log.failed(new java.net.ConnectException("Connection refused"));

    assertThat(at(Level.WARN))
        .extracting(Event::message)
        .containsExactly(
            "cannot reach peer ws://127.0.0.1:1: AUTH_FAILED: a valid token is required"
                + " (retrying; repeats are logged at debug)",
            "cannot reach peer ws://127.0.0.1:1: connection refused (Connection refused)"
                + " (retrying; repeats are logged at debug)",
            "cannot reach peer ws://127.0.0.1:1: connection refused (Connection refused)"
                + " (retrying; repeats are logged at debug)");
    assertThat(at(Level.INFO))
        .extracting(Event::message)
        .containsExactly("reached peer ws://127.0.0.1:1 again");
  }

  @Test
  void aRefusalIsOneWarningWhicheverEndRefusedAndANewCodeIsNews() {
    // the client refuses the welcome, or the server refuses the hello and says so in its bye: the
    // same refusal, told in two texts that alternate from one attempt to the next
    FailureLog log = new FailureLog(URI.create("ws://127.0.0.1:1"));
    CloseReason mine =
        new CloseReason(
            Code.WRONG_DATABASE, "this node belongs to database a, server 02 serves database b");
    CloseReason theirs =
        new CloseReason(
            Code.WRONG_DATABASE,
            "peer closed: this node belongs to database b, client 01 belongs to database a");
    for (int i = 0; i < 5; i++) {
      log.refused(mine);
      log.refused(theirs);
    }
    log.refused(new CloseReason(Code.AUTH_FAILED, "peer closed: a valid token is required"));
    log.refused(new CloseReason(Code.AUTH_FAILED, "a valid token is required"));
    // a refused connection reads differently per attempt (the address, the errno text)
    log.failed(new java.net.ConnectException("Connection refused: /127.0.0.1:1"));
    log.failed(new java.io.IOException("wrapped", new java.net.ConnectException("refused")));

    assertThat(at(Level.WARN))
        .extracting(Event::message)
        .containsExactly(
            "cannot reach peer ws://127.0.0.1:1: WRONG_DATABASE: this node belongs to database a,"
                + " server 02 serves database b (retrying; repeats are logged at debug)",
            "cannot reach peer ws://127.0.0.1:1: AUTH_FAILED: peer closed: a valid token is"
                + " required (retrying; repeats are logged at debug)",
            "cannot reach peer ws://127.0.0.1:1: connection refused (Connection refused:"
                + " /127.0.0.1:1) (retrying; repeats are logged at debug)");
    // every attempt is still at debug
    assertThat(retries("WRONG_DATABASE")).isEqualTo(10);
  }
}
