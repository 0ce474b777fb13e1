package io.pluresdb.sync.replicator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pluresdb.sync.netty.Admission;
import io.pluresdb.sync.netty.Limits;
import io.pluresdb.sync.netty.RecordingSession;
import io.pluresdb.sync.netty.TlsSettings;
import io.pluresdb.sync.protocol.CloseReason;
import io.pluresdb.sync.protocol.Role;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** What the listener does with a foreign WebSocket client, and {@code wss://} with a key store. */
@Timeout(180)
class WireTest {
  private static final Duration WAIT = Duration.ofSeconds(60);

  @TempDir Path dir;
  private final Rig rig = new Rig();
  private final List<RecordingSession> sessions = rig.sessions;

  @AfterEach
  void closeAll() throws Exception {
    rig.close();
  }

  private Replicator start(ReplicatorConfig config) throws Exception {
    return rig.start(config);
  }

  /** Connects the JDK's WebSocket client and returns the close code the server sends it. */
  private static CompletableFuture<Integer> closeCode(
      Replicator hub, java.util.function.Consumer<WebSocket> send) {
    return closeCode(hub, send, new CompletableFuture<>());
  }

  /** As above, completing {@code reason} with the close frame's reason. */
  private static CompletableFuture<Integer> closeCode(
      Replicator hub,
      java.util.function.Consumer<WebSocket> send,
      CompletableFuture<String> reason) {
    CompletableFuture<Integer> code = new CompletableFuture<>();
    WebSocket ws =
        HttpClient.newHttpClient()
            .newWebSocketBuilder()
            .buildAsync(
                URI.create("ws://127.0.0.1:" + hub.listenAddress().getPort() + "/"),
                new WebSocket.Listener() {
                  @Override
                  public CompletionStage<?> onClose(WebSocket w, int status, String why) {
                    reason.complete(why);
                    code.complete(status);
                    return null;
                  }

                  @Override
                  public void onError(WebSocket w, Throwable error) {
                    code.completeExceptionally(error);
                  }
                })
            .join();
    send.accept(ws);
    return code;
  }

  @Test
  void aTextMessageIsRefusedWithUnsupportedData() throws Exception {
    Replicator hub =
        start(ReplicatorConfig.of(new InetSocketAddress("127.0.0.1", 0), List.of(), null));
    CompletableFuture<Integer> code = closeCode(hub, ws -> ws.sendText("{\"hello\":1}", true));
    assertThat(code.get(60, TimeUnit.SECONDS)).isEqualTo(1003);
    assertThat(sessions).singleElement().satisfies(s -> assertThat(s.received).isEmpty());
  }

  @Test
  void anOversizedMessageIsRefusedWithMessageTooBig() throws Exception {
    Replicator hub =
        start(
            ReplicatorConfig.of(new InetSocketAddress("127.0.0.1", 0), List.of(), null)
                .withLimits(new Limits(1024, 4096, 8, 8)));
    CompletableFuture<Integer> code =
        closeCode(hub, ws -> ws.sendBinary(ByteBuffer.wrap(new byte[8192]), true));
    assertThat(code.get(60, TimeUnit.SECONDS)).isEqualTo(1009);
    assertThat(sessions).allSatisfy(s -> assertThat(s.received).isEmpty());
  }

  @Test
  void aHubAtItsSessionLimitRefusesTheNextSessionSayingWhy() throws Exception {
    Replicator hub =
        start(
            ReplicatorConfig.of(new InetSocketAddress("127.0.0.1", 0), List.of(), null)
                .withAdmission(Admission.defaults().withMaxSessions(1)));
    CompletableFuture<Integer> first = closeCode(hub, ws -> {});
    await().atMost(WAIT).until(() -> sessions.size() == 1);
    CompletableFuture<String> reason = new CompletableFuture<>();
    CompletableFuture<Integer> second = closeCode(hub, ws -> {}, reason);
    assertThat(second.get(60, TimeUnit.SECONDS)).isEqualTo(1013);
    assertThat(reason.get(60, TimeUnit.SECONDS)).isEqualTo("node at its limit of 1 sessions");
    assertThat(first).isNotDone();
    // no session is made for the refused connection
    assertThat(sessions).hasSize(1);
    JsonNode page = new ObjectMapper().readTree(hub.statusPage());
    assertThat(page.path("sessions").path("count").asInt()).isEqualTo(1);
    assertThat(page.path("sessions").path("limit").asInt()).isEqualTo(1);
    await()
        .atMost(WAIT)
        .until(
            () ->
                hub.peers().stream()
                    .anyMatch(
                        r ->
                            r.status().closeReason() != null
                                && r.status().closeReason().code() == CloseReason.Code.BUSY));
  }

  @Test
  void peersConnectOverTlsWithAKeyStore() throws Exception {
    KeyStores.Pair stores = KeyStores.create(dir, "s3cret");
    Replicator hub =
        start(
            ReplicatorConfig.of(new InetSocketAddress("127.0.0.1", 0), List.of(), "s3cret")
                .withTls(new TlsSettings(stores.keyStore(), "s3cret", null, null, false)));
    URI wss = URI.create("wss://127.0.0.1:" + hub.listenAddress().getPort());
    start(
        ReplicatorConfig.of(null, List.of(wss), "s3cret")
            .withTls(new TlsSettings(null, null, stores.trustStore(), "s3cret", false)));
    await()
        .atMost(WAIT)
        .until(
            () ->
                sessions.stream()
                    .anyMatch(s -> s.role == Role.SERVER && s.received.contains("hello")));
  }
}
