package io.pluresdb.sync.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import io.pluresdb.crdt.store.Store;
import io.pluresdb.sync.auth.TokenPolicy;
import io.pluresdb.sync.auth.TokenPolicy.Grant;
import io.pluresdb.sync.protocol.CloseReason.Code;
import io.pluresdb.sync.protocol.PeerStatus.State;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The policy agent decides what a peer receives and which of its writes apply. */
@Timeout(180)
class PolicyTest {
  @TempDir Path dir;

  private static final TokenPolicy POLICY =
      new TokenPolicy(
          List.of(
              new Grant("admin", "admin", Set.of("*"), Set.of("*")),
              new Grant("kiosk", "kiosk", Set.of("menu", "orders"), Set.of("orders"))));

  @Test
  void aForbiddenWriteClosesTheSessionAndAppliesNothingOfItsBatch() throws Exception {
    SyncConfig hubConfig = SyncConfig.builder().agent(POLICY).build();
    SyncConfig kioskConfig = SyncConfig.builder().token("kiosk").build();
    try (SimNet net = new SimNet()) {
      Store hubStore = Data.open(dir, "hub");
      Store kioskStore = Data.open(dir, "kiosk");
      SimNet.Node hub = net.node("hub", hubStore, hubConfig);
      SimNet.Node kiosk = net.node("kiosk", kioskStore, kioskConfig);
      Data.createTable(hubStore, "menu");
      Data.createTable(hubStore, "orders");
      net.connect(kiosk, hub);
      net.settle();

      Data.put(kioskStore, "orders", 1, "one coffee");
      net.settle();
      assertThat(Data.dump(hubStore).get("orders[id, v, n]"))
          .containsExactly("[1, one coffee, null]");
      var before = Data.dump(hubStore);

      // one batch: a permitted write and a forbidden one
      net.openConns().forEach(SimNet.Conn::reset);
      Data.put(kioskStore, "orders", 2, "two teas");
      Data.put(kioskStore, "menu", 1, "free coffee");
      SimNet.Conn conn = net.connect(kiosk, hub);
      net.settle();

      PeerStatus server = conn.server.session.status();
      assertThat(server.closeReason().code()).isEqualTo(Code.FORBIDDEN);
      assertThat(server.closeReason().message())
          .contains("kiosk may not write to collection 'menu'");
      assertThat(conn.client.session.status().closeReason().code()).isEqualTo(Code.FORBIDDEN);
      assertThat(Data.dump(hubStore)).isEqualTo(before);
    }
  }

  @Test
  void aPeerReceivesOnlyWhatItMayReadAndNothingOfAWriterPastAnUnreadableTransaction()
      throws Exception {
    SyncConfig hubConfig = SyncConfig.builder().agent(POLICY).build();
    SyncConfig kioskConfig = SyncConfig.builder().token("kiosk").build();
    try (SimNet net = new SimNet()) {
      Store hubStore = Data.open(dir, "hub");
      Store kioskStore = Data.open(dir, "kiosk");
      Store adminStore = Data.open(dir, "admin");
      SimNet.Node hub = net.node("hub", hubStore, hubConfig);
      SimNet.Node kiosk = net.node("kiosk", kioskStore, kioskConfig);
      SimNet.Node admin =
          net.node("admin", adminStore, SyncConfig.builder().token("admin").build());
      Data.createTable(hubStore, "menu");
      Data.createTable(hubStore, "secret");
      Data.put(hubStore, "menu", 1, "coffee");
      Data.put(hubStore, "secret", 1, "the recipe");
      Data.put(hubStore, "menu", 2, "tea");
      Data.createTable(adminStore, "orders");
      Data.put(adminStore, "orders", 1, "from admin");
      net.connect(admin, hub);
      net.connect(kiosk, hub);
      net.settle();

      var kioskTables = Data.dump(kioskStore);
      // schema is readable, so the secret table exists, empty
      assertThat(kioskTables.get("secret[id, v, n]")).isEmpty();
      // the hub's writes after its unreadable one are withheld: they chain behind it
      assertThat(kioskTables.get("menu[id, v, n]")).containsExactly("[1, coffee, null]");
      // another writer's transactions still flow
      assertThat(kioskTables.get("orders[id, v, n]")).containsExactly("[1, from admin, null]");
      assertThat(Data.dump(adminStore)).isEqualTo(Data.dump(hubStore));
      assertThat(net.openConns()).allMatch(c -> c.client.session.status().state() == State.LIVE);
    }
  }
}
