package io.pluresdb.crdt.store;

import static io.pluresdb.crdt.store.Fixtures.WAIT;
import static org.assertj.core.api.Assertions.assertThat;

import io.pluresdb.crdt.clock.OpId;
import io.pluresdb.crdt.op.ReceivedTx;
import io.pluresdb.crdt.op.Transaction;
import io.pluresdb.crdt.sign.NodeKey;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A record that cannot be checked when it arrives (its node's key is not known yet, or it is an
 * unsigned record of a node not pinned yet) waits in {@code _pl_pending} until its previous
 * transaction arrives. A forger who plants one in a real node's name, before that node's first
 * record reaches the receiver, must not be able to stop the real node's records from applying: the
 * planted record is refused when it would apply, dropped and reported, and the real ones apply.
 */
class PlantedPendingTest {
  @TempDir Path dir;

  private static void put(Store s, long k) throws SQLException {
    try (WriteTxn tx = s.beginWrite(WAIT)) {
      tx.insert("kv", new Object[] {k, "v" + k, k, 1.0}, OnConflict.ERROR);
      tx.commit();
    }
  }

  private static List<String> kv(Store s) throws SQLException {
    return Fixtures.dump(s, "SELECT k, a FROM kv ORDER BY k");
  }

  @ParameterizedTest
  @ValueSource(strings = {"unsigned", "signed by another key"})
  void aRecordPlantedInARealNodesNameBeforeItsKeyArrivedDoesNotStallIt(String how)
      throws SQLException {
    NodeKey forger = NodeKey.generate();
    Function<Transaction, ReceivedTx> encode =
        how.equals("unsigned") ? ReceivedTx::encode : tx -> Signers.signed(tx, forger, false);
    try (Store a = Store.open(StoreConfig.file(dir.resolve("a.db")));
        Store hub = Store.open(StoreConfig.file(dir.resolve("hub.db")))) {
      Nodes.createTables(a);
      put(a, 1);
      List<ReceivedTx> genuine = Nodes.received(a);
      Transaction first = genuine.get(0).tx();
      // follows a's first transaction, which the hub does not hold yet: it waits
      OpId planted = OpId.of(first.lastId().millis(), first.lastId().counter() + 10, first.node());
      ReceivedTx plant = encode.apply(Signers.insert(planted, first.id(), 99, "planted"));
      assertThat(hub.applyRemote(List.of(plant)).orThrow().pending()).isOne();

      ApplyResult result = hub.applyRemote(genuine);

      assertThat(result).isInstanceOf(ApplyResult.Applied.class);
      assertThat(((ApplyResult.Applied) result).applied()).isEqualTo(genuine.size());
      assertThat(kv(hub)).isEqualTo(kv(a)).hasSize(1);
      assertThat(((SqliteStore) hub).count("_pl_pending")).isZero();
      assertThat(Signers.refusals(hub)).singleElement().asString().contains(planted.toString());
      put(a, 2);
      assertThat(hub.applyRemote(Nodes.received(a)).orThrow().applied()).isOne();
      assertThat(kv(hub)).isEqualTo(kv(a));
    }
  }
}
