package io.pluresdb.crdt.store;

import static io.pluresdb.crdt.store.Fixtures.WAIT;
import static org.assertj.core.api.Assertions.assertThat;

import io.pluresdb.crdt.clock.OpId;
import io.pluresdb.crdt.op.ReceivedTx;
import io.pluresdb.crdt.op.Transaction;
import io.pluresdb.crdt.sign.Ed25519;
import io.pluresdb.crdt.sign.NodeKey;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Signed records: who may write in a node's name, and what a receiver refuses. */
class AuthorshipTest {
  @TempDir Path dir;
  private final List<Store> stores = new ArrayList<>();
  private Store a;
  private Store b;

  @BeforeEach
  void open() throws SQLException {
    a = open("a");
    b = open("b");
    Nodes.createTables(a);
  }

  @AfterEach
  void close() throws SQLException {
    for (Store s : stores) {
      s.close();
    }
  }

  private Store open(String name) throws SQLException {
    Store s = Store.open(StoreConfig.file(dir.resolve(name + ".db")));
    stores.add(s);
    return s;
  }

  private static void put(Store s, long... keys) throws SQLException {
    try (WriteTxn tx = s.beginWrite(WAIT)) {
      for (long k : keys) {
        tx.insert("kv", new Object[] {k, "v" + k, k, 1.0}, OnConflict.ERROR);
      }
      tx.commit();
    }
  }

  private static List<String> kv(Store s) throws SQLException {
    return Fixtures.dump(s, "SELECT k, a FROM kv ORDER BY k");
  }

  private static long node(Store s) {
    return Long.parseLong(s.nodeId(), 16);
  }

  @Test
  void aNewNodeIsNamedByItsKeyAndSignsEveryRecordCarryingTheKeyOnlyInTheFirst()
      throws SQLException {
    put(a, 1);
    put(a, 2);
    List<ReceivedTx> log = Nodes.received(a);
    assertThat(node(a)).isEqualTo(Signers.keyOf(a).fingerprint());
    assertThat(Ed25519.isFingerprint(node(a))).isTrue();
    assertThat(log).allSatisfy(r -> assertThat(r.record()[0]).isEqualTo((byte) 4));
    assertThat(log.get(0).auth().publicKey()).isEqualTo(Signers.keyOf(a).publicKey());
    assertThat(log.subList(1, 3)).allSatisfy(r -> assertThat(r.auth().publicKey()).isNull());

    assertThat(b.applyRemote(log).orThrow().applied()).isEqualTo(3);
    assertThat(kv(b)).isEqualTo(kv(a)).hasSize(2);
    assertThat(Signers.refusals(b)).isEmpty();
  }

  @Test
  void aRecordWithOneByteChangedIsRefusedReportedAndNothingOfItsBatchIsWritten()
      throws SQLException {
    put(a, 1);
    put(a, 2);
    List<ReceivedTx> log = Nodes.received(a);
    byte[] tampered = log.get(2).record().clone();
    int at = indexOf(tampered, "v2".getBytes(StandardCharsets.UTF_8));
    tampered[at + 1] = '9';
    ReceivedTx forged = ReceivedTx.decode(tampered);

    ApplyResult result = b.applyRemote(List.of(log.get(0), log.get(1), forged));

    assertThat(result)
        .isEqualTo(new ApplyResult.Forged(forged.tx().id(), "the signature does not verify"));
    assertThat(((SqliteStore) b).count("_pl_log")).isZero();
    assertThat(Signers.refusals(b))
        .containsExactly(
            "[" + a.nodeId() + " " + forged.tx().id() + ": the signature does not verify]");
    assertThat(b.applyRemote(log).orThrow().applied()).isEqualTo(3);
    assertThat(kv(b)).isEqualTo(kv(a));
  }

  @Test
  void anotherKeyClaimingAPinnedNodeIsRefusedAndTheNodesOwnWritesStillArrive() throws SQLException {
    put(a, 1);
    Nodes.sync(a, b);
    List<ReceivedTx> held = Nodes.received(a);
    Transaction last = held.get(held.size() - 1).tx();
    // the bug: a transaction in a's name, stamped ahead (inside the drift allowance), after a's
    // last
    OpId ahead = OpId.of(last.lastId().millis() + 60_000, 0, node(a));
    Transaction inAsName = Signers.insert(ahead, last.id(), 99, "forged");
    NodeKey forger = NodeKey.generate();

    assertThat(b.applyRemote(List.of(Signers.signed(inAsName, forger, true))))
        .isEqualTo(new ApplyResult.Forged(ahead, "a different key claims the node"));
    assertThat(b.applyRemote(List.of(Signers.signed(inAsName, forger, false))))
        .isEqualTo(new ApplyResult.Forged(ahead, "the signature does not verify"));
    assertThat(b.applyRemote(List.of(ReceivedTx.encode(inAsName))))
        .isEqualTo(
            new ApplyResult.Forged(ahead, "an unsigned record claims a node whose key is pinned"));
    assertThat(Signers.refusals(b)).hasSize(3);

    put(a, 2);
    put(a, 3);
    assertThat(b.applyRemote(Nodes.received(a)).orThrow().applied()).isEqualTo(2);
    assertThat(kv(b)).isEqualTo(kv(a)).hasSize(3);
  }

  @Test
  void aKeyThatDoesNotHashToAFingerprintIdIsRefusedBeforeTheNodeIsKnown() throws SQLException {
    Transaction first = Nodes.received(a).get(0).tx();
    NodeKey forger = NodeKey.generate();

    ApplyResult result = b.applyRemote(List.of(Signers.signed(first, forger, true)));

    assertThat(result).isInstanceOf(ApplyResult.Forged.class);
    assertThat(((ApplyResult.Forged) result).reason())
        .startsWith(
            "the key's fingerprint is "
                + String.format(java.util.Locale.ROOT, "%012x", forger.fingerprint()));
    assertThat(b.catalog().table("kv")).isNull();
  }

  @Test
  void oneTransactionIdWithOtherContentIsRefusedNotTakenForADuplicate() throws SQLException {
    put(a, 1);
    Nodes.sync(a, b);
    Transaction held = Nodes.received(a).get(1).tx();
    // a node's own key signing a second content for one id: only the log can tell
    ReceivedTx twin = Signers.signed(Signers.withValue(held, "other"), Signers.keyOf(a), false);

    assertThat(b.applyRemote(List.of(twin)))
        .isEqualTo(
            new ApplyResult.Forged(
                held.id(), "this node holds the same transaction id with other content"));
    assertThat(b.applyRemote(Nodes.received(a)).orThrow().duplicates()).isEqualTo(2);
    assertThat(kv(b)).containsExactly("[1, v1]");
    assertThat(Signers.refusals(b)).hasSize(1);
  }

  @Test
  void aCoveredIdTheLogDoesNotHoldIsForgedHistory() throws SQLException {
    put(a, 1, 2, 3);
    Nodes.sync(a, b);
    Transaction three = Nodes.received(a).get(1).tx();
    // an id inside a's transaction: covered by b's version vector, yet never a transaction of a
    OpId inside = three.ops().get(0).id();
    ReceivedTx ghost =
        Signers.signed(Signers.insert(inside, null, 7, "ghost"), Signers.keyOf(a), false);

    assertThat(b.applyRemote(List.of(ghost)))
        .isEqualTo(
            new ApplyResult.Forged(
                inside, "its id is covered by this node's version vector but absent from its log"));
    assertThat(kv(b)).hasSize(3);
  }

  @Test
  void unsignedRecordsCompareByTheirDecodedTransaction() throws SQLException {
    Nodes.sync(a, b);
    OpId id = OpId.of(System.currentTimeMillis(), 0, 0x0000_0000_00eeL);
    Transaction legacy = Signers.insert(id, null, 5, "legacy");
    assertThat(b.applyRemote(List.of(ReceivedTx.encode(legacy))).orThrow().applied()).isOne();

    assertThat(b.applyRemote(List.of(ReceivedTx.encode(legacy))).orThrow().duplicates()).isOne();
    assertThat(b.applyRemote(List.of(ReceivedTx.encode(Signers.withValue(legacy, "x")))))
        .isEqualTo(
            new ApplyResult.Forged(
                id, "this node holds the same transaction id with other content"));
  }

  private static int indexOf(byte[] hay, byte[] needle) {
    for (int i = 0; i + needle.length <= hay.length; i++) {
      if (java.util.Arrays.equals(hay, i, i + needle.length, needle, 0, needle.length)) {
        return i;
      }
    }
    throw new AssertionError("not found");
  }
}
