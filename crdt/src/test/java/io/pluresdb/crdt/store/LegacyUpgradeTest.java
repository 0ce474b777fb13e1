package io.pluresdb.crdt.store;

import static io.pluresdb.crdt.store.Fixtures.WAIT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pluresdb.crdt.clock.OpId;
import io.pluresdb.crdt.op.ReceivedTx;
import io.pluresdb.crdt.op.Transaction;
import io.pluresdb.crdt.sign.Ed25519;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A database written before records were signed (the fixture {@code
 * legacy/v3-node-33ca65556a4b.db}: table kv, three rows, five unsigned version 3 records; how it
 * was made is in {@code legacy/README.md}) opens and upgrades in place.
 */
class LegacyUpgradeTest {
  private static final String LEGACY_NODE = "33ca65556a4b";

  @TempDir Path dir;

  private Path fixture() throws IOException {
    Path file = dir.resolve("legacy.db");
    try (InputStream in =
        getClass().getResourceAsStream("/legacy/v3-node-" + LEGACY_NODE + ".db")) {
      Files.copy(in, file);
    }
    return file;
  }

  private static List<String> kv(Store s) throws SQLException {
    return Fixtures.dump(s, "SELECT k, v FROM kv ORDER BY k");
  }

  private static void put(Store s, long k) throws SQLException {
    try (WriteTxn tx = s.beginWrite(WAIT)) {
      tx.insert("kv", new Object[] {k, "signed " + k}, OnConflict.ERROR);
      tx.commit();
    }
  }

  @Test
  void anUpgradedNodeTakesItsKeysFingerprintAndRetiresItsLegacyId() throws Exception {
    Path file = fixture();
    String upgraded;
    List<ReceivedTx> log;
    try (Store a = Store.open(StoreConfig.file(file))) {
      upgraded = a.nodeId();
      assertThat(upgraded).isNotEqualTo(LEGACY_NODE);
      assertThat(Long.parseLong(upgraded, 16)).isEqualTo(Signers.keyOf(a).fingerprint());
      assertThat(kv(a)).containsExactly("[1, legacy 1]", "[2, legacy 2 updated]", "[3, legacy 3]");
      put(a, 4);
      log = Nodes.received(a);
    }
    assertThat(log).hasSize(6);
    assertThat(log.subList(0, 5))
        .allSatisfy(
            r -> {
              assertThat(r.signed()).isFalse();
              assertThat(r.tx().node()).isEqualTo(Long.parseLong(LEGACY_NODE, 16));
            });
    ReceivedTx first = log.get(5);
    assertThat(first.auth().publicKey()).isNotNull();
    assertThat(first.auth().retires()).isEqualTo(log.get(4).tx().id());

    try (Store reopened = Store.open(StoreConfig.file(file))) {
      assertThat(reopened.nodeId()).isEqualTo(upgraded);
      put(reopened, 5);
      assertThat(Nodes.received(reopened).get(6).auth().publicKey()).isNull();
    }

    // a peer catches up the legacy records and the signed ones alike
    try (Store c = Store.open(StoreConfig.file(dir.resolve("c.db")))) {
      assertThat(c.applyRemote(log).orThrow().applied()).isEqualTo(6);
      assertThat(kv(c)).hasSize(4);
      // from then on nobody writes unsigned in the legacy id's name
      Transaction last = log.get(4).tx();
      OpId after = OpId.of(last.lastId().millis() + 1, 0, last.node());
      Transaction late = Signers.insert(after, last.id(), 9, "in the legacy name");
      assertThat(c.applyRemote(List.of(ReceivedTx.encode(late))))
          .isEqualTo(
              new ApplyResult.Forged(
                  after,
                  "an unsigned record of a retired node id, after its last transaction "
                      + last.id()));
      assertThat(kv(c)).hasSize(4);
    }
  }

  @Test
  void anUpgradedNodesLegacyHistoryStillRelaysThroughAHubThatUpgradedFirst() throws Exception {
    Path file = fixture();
    try (Store hub = Store.open(StoreConfig.file(dir.resolve("hub.db")));
        Store a = Store.open(StoreConfig.file(file))) {
      // the hub holds the legacy records before it sees the retirement, then the signed ones
      List<ReceivedTx> log;
      put(a, 4);
      log = Nodes.received(a);
      assertThat(hub.applyRemote(log.subList(0, 5)).orThrow().applied()).isEqualTo(5);
      assertThat(hub.applyRemote(log.subList(5, 6)).orThrow().applied()).isOne();
      try (Store c = Store.open(StoreConfig.file(dir.resolve("c.db")))) {
        assertThat(c.applyRemote(Nodes.received(hub)).orThrow().applied()).isEqualTo(6);
        assertThat(kv(c)).isEqualTo(kv(a));
      }
    }
  }

  @Test
  void aChosenNodeIdMayNotLookLikeAFingerprint() {
    assertThat(Ed25519.isFingerprint(0x8000_0000_0001L)).isTrue();
    assertThatThrownBy(
            () -> Store.open(StoreConfig.file(dir.resolve("x.db")).withNodeName("800000000001")))
        .isInstanceOf(SQLException.class)
        .hasMessageContaining("800000000001 is reserved for key fingerprints")
        .extracting(e -> ((SQLException) e).getSQLState())
        .isEqualTo("22023");
  }
}
