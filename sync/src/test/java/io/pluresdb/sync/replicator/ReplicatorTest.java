package io.pluresdb.sync.replicator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.pluresdb.crdt.schema.ColumnDef;
import io.pluresdb.crdt.schema.ColumnType;
import io.pluresdb.crdt.schema.SchemaChange;
import io.pluresdb.crdt.schema.TableDef;
import io.pluresdb.crdt.store.Store;
import io.pluresdb.crdt.store.WriteTxn;
import io.pluresdb.sync.netty.RecordingSession;
import io.pluresdb.sync.protocol.NodeMemory;
import io.pluresdb.sync.protocol.PeerStatus;
import io.pluresdb.sync.protocol.Role;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Replicators over real loopback sockets, with a stand-in protocol that records what it gets. */
@Timeout(180)
class ReplicatorTest {
  private static final Duration WAIT = Duration.ofSeconds(60);

  private final Rig rig = new Rig();
  private final List<RecordingSession> sessions = rig.sessions;

  @AfterEach
  void closeAll() throws Exception {
    rig.close();
  }

  private Store store() throws Exception {
    return rig.store();
  }

  private Replicator start(Store store, ReplicatorConfig config) throws Exception {
    return rig.start(store, config);
  }

  private static InetSocketAddress loopback(int port) {
    return new InetSocketAddress("127.0.0.1", port);
  }

  private static URI url(Replicator hub) {
    return URI.create("ws://127.0.0.1:" + hub.listenAddress().getPort());
  }

  private RecordingSession session(Role role) {
    return sessions.stream().filter(s -> s.role == role).reduce((a, b) -> b).orElseThrow();
  }

  /** True when a session of that role received that frame (false before any session exists). */
  private boolean heard(Role role, String frame) {
    return sessions.stream().anyMatch(s -> s.role == role && s.received.contains(frame));
  }

  private static void createTable(Store s, String name) throws Exception {
    try (WriteTxn tx = s.beginWrite(Duration.ofSeconds(5))) {
      tx.schema(
          new SchemaChange.CreateTable(
              new TableDef(
                  name,
                  List.of(new ColumnDef("k", ColumnType.BIGINT, 0, 0, false, null, false)),
                  List.of("k"),
                  List.of(),
                  List.of(),
                  List.of())));
      tx.commit();
    }
  }

  @Test
  void commitsAndNotificationsOfEachNodeReachItsPeers() throws Exception {
    Store hubStore = store();
    Replicator hub = start(hubStore, ReplicatorConfig.of(loopback(0), List.of(), null));
    Store clientStore = store();
    start(clientStore, ReplicatorConfig.of(null, List.of(url(hub)), null));

    await().atMost(WAIT).until(() -> heard(Role.SERVER, "hello"));
    hubStore.notify("news", "from the hub");
    await().atMost(WAIT).until(() -> heard(Role.CLIENT, "n:from the hub"));

    createTable(clientStore, "t");
    await()
        .atMost(WAIT)
        .until(() -> session(Role.SERVER).received.stream().anyMatch(f -> f.startsWith("tx:")));
    await().atMost(WAIT).until(() -> session(Role.CLIENT).ticks.get() > 2);
  }

  @Test
  void everySessionOfAReplicatorSharesItsNodeMemoryAndNoOtherReplicatorDoes() throws Exception {
    Replicator hub = start(store(), ReplicatorConfig.of(loopback(0), List.of(), null));
    start(store(), ReplicatorConfig.of(null, List.of(url(hub)), null));
    start(store(), ReplicatorConfig.of(null, List.of(url(hub)), null));
    await()
        .atMost(WAIT)
        .until(() -> sessions.stream().filter(s -> s.received.contains("hello")).count() == 2);

    List<NodeMemory> hubs =
        sessions.stream().filter(s -> s.role == Role.SERVER).map(rig.memoryOf::get).toList();
    List<NodeMemory> clients =
        sessions.stream().filter(s -> s.role == Role.CLIENT).map(rig.memoryOf::get).toList();
    assertThat(hubs).hasSize(2);
    assertThat(hubs.get(1)).isSameAs(hubs.get(0));
    assertThat(clients).hasSize(2).doesNotHaveDuplicates().doesNotContain(hubs.get(0));
  }

  @Test
  void aClientReconnectsWhenItsHubComesBack() throws Exception {
    Replicator hub = start(store(), ReplicatorConfig.of(loopback(0), List.of(), null));
    int port = hub.listenAddress().getPort();
    Replicator client = start(store(), ReplicatorConfig.of(null, List.of(url(hub)), null));
    await().atMost(WAIT).until(() -> heard(Role.SERVER, "hello"));
    RecordingSession first = session(Role.CLIENT);

    hub.close();
    await().atMost(WAIT).until(() -> first.disconnected);
    assertThat(client.peers())
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.address()).isEqualTo("ws://127.0.0.1:" + port);
              assertThat(r.status().state()).isEqualTo(PeerStatus.State.CONNECTING);
            });

    sessions.clear();
    start(store(), ReplicatorConfig.of(loopback(port), List.of(), null));
    await().atMost(WAIT).until(() -> heard(Role.SERVER, "hello"));
    await()
        .atMost(WAIT)
        .until(() -> client.peers().get(0).status().state() == PeerStatus.State.LIVE);
  }

  @Test
  void aListenerBeyondLoopbackNeedsAToken() throws Exception {
    Store s = store();
    assertThatThrownBy(
            () ->
                start(s, ReplicatorConfig.of(new InetSocketAddress("0.0.0.0", 0), List.of(), null)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("0.0.0.0")
        .hasMessageContaining("requires a token");
    Replicator withToken =
        start(s, ReplicatorConfig.of(new InetSocketAddress("0.0.0.0", 0), List.of(), "s3cret"));
    assertThat(withToken.listenAddress().getPort()).isPositive();
  }

  @Test
  void closingStopsEveryThreadItStarted() throws Exception {
    Replicator hub = start(store(), ReplicatorConfig.of(loopback(0), List.of(), null));
    Replicator client = start(store(), ReplicatorConfig.of(null, List.of(url(hub)), null));
    await().atMost(WAIT).until(() -> heard(Role.SERVER, "hello"));
    assertThat(syncThreads()).isNotEmpty();

    client.close();
    hub.close();
    await().atMost(WAIT).until(() -> syncThreads().isEmpty());
    assertThat(session(Role.CLIENT).disconnected).isTrue();
  }

  private static List<String> syncThreads() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(Thread::isAlive)
        .map(Thread::getName)
        .filter(n -> n.startsWith("pluresdb-sync-"))
        .toList();
  }

  @Test
  void theStatusPageAnswersOnlyWithTheToken() throws Exception {
    Store hubStore = store();
    Replicator hub = start(hubStore, ReplicatorConfig.of(loopback(0), List.of(), "s3cret"));
    start(store(), ReplicatorConfig.of(null, List.of(url(hub)), "s3cret"));
    await().atMost(WAIT).until(() -> heard(Role.SERVER, "hello"));

    HttpClient http = HttpClient.newHttpClient();
    URI status = URI.create("http://127.0.0.1:" + hub.listenAddress().getPort() + "/status");
    HttpResponse<String> refused =
        http.send(HttpRequest.newBuilder(status).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(refused.statusCode()).isEqualTo(401);
    HttpResponse<String> wrong =
        http.send(
            HttpRequest.newBuilder(status).header("Authorization", "Bearer nope").build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(wrong.statusCode()).isEqualTo(401);
    HttpResponse<String> ok =
        http.send(
            HttpRequest.newBuilder(status).header("Authorization", "Bearer s3cret").build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(ok.statusCode()).isEqualTo(200);
    assertThat(ok.body())
        .contains("\"node\":\"" + hubStore.nodeId() + "\"")
        .contains("\"role\":\"SERVER\"")
        .contains("\"state\":\"LIVE\"");
  }
}
