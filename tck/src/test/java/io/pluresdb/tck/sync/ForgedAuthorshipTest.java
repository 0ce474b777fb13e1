package io.pluresdb.tck.sync;

import static io.pluresdb.tck.sync.Cluster.awaitSame;
import static io.pluresdb.tck.sync.Cluster.exec;
import static io.pluresdb.tck.sync.Cluster.port;
import static io.pluresdb.tck.sync.Cluster.rows;
import static io.pluresdb.tck.sync.Cluster.rowsOrNone;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.pluresdb.crdt.op.OpEncoder;
import io.pluresdb.crdt.op.Operation;
import io.pluresdb.crdt.op.RecordSigner;
import io.pluresdb.crdt.op.Transaction;
import io.pluresdb.crdt.op.TxCodec;
import io.pluresdb.jdbc.PluresConnection;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;

/**
 * A peer holding the shared token sends a transaction stamped with another node's id and a time
 * inside the clock-drift allowance. Before records were signed the hub applied it, took the real
 * node's later writes (whose ids lie below the forged one) for duplicates and dropped them for
 * good. Now the forger's session is closed as FORGED, nothing of it is written, the refusal is
 * recorded where a user can see it, and the real node's writes all arrive.
 */
class ForgedAuthorshipTest extends ClusterTest {
  private static final String ALL = "SELECT k, v FROM t ORDER BY k";

  /** Well inside the default five-minute drift allowance. */
  private static final long AHEAD_MILLIS = Duration.ofMinutes(1).toMillis();

  @Test
  void anUnsignedTransactionInAnotherNodesNameIsRefusedAndTheRealWritesArrive() throws Exception {
    forgeAndCheck((forger, tx) -> TxCodec.encode(tx));
  }

  @Test
  void aTransactionSignedWithTheForgersOwnKeyInAnotherNodesNameIsRefused() throws Exception {
    forgeAndCheck((forger, tx) -> signedByNewKey(tx));
  }

  /**
   * The scenario of the report: hub and node a replicate; a goes offline and writes; the forger
   * sends one transaction in a's name, stamped ahead of a's offline writes; a comes back.
   */
  private void forgeAndCheck(BiFunction<Forger, Transaction, byte[]> encode) throws Exception {
    Connection hub = cluster.hub("hub");
    int port = port(hub);
    Connection a = cluster.client("a", port);
    long aNode = Long.parseLong(a.unwrap(PluresConnection.class).nodeId(), 16);
    exec(a, "CREATE TABLE t (k INTEGER PRIMARY KEY, v VARCHAR(40))");
    exec(a, "INSERT INTO t VALUES (1, 'a online')");
    awaitSame(ALL, hub, a);

    cluster.stop(a);
    Connection offline = cluster.node("a", ""); // a works alone, without replication
    exec(offline, "INSERT INTO t VALUES (2, 'a offline')", "INSERT INTO t VALUES (3, 'a offline')");
    exec(offline, "UPDATE t SET v = 'a offline, updated' WHERE k = 1");
    cluster.stop(offline);

    Transaction forged;
    Forger.Closed closed;
    try (Forger forger = Forger.connect(port)) {
      forged = forger.forge(aNode, AHEAD_MILLIS, "t", 666, "forged");
      forger.sendBatch(encode.apply(forger, forged));
      closed = forger.closed();
    }
    String node = String.format(Locale.ROOT, "%012x", aNode);
    assertThat(closed.status()).isNotEqualTo(1000);
    assertThat(closed.reason()).startsWith("transaction " + forged.id()).contains(node);
    await()
        .atMost(Cluster.CONVERGE)
        .until(
            () ->
                rowsOrNone(hub, "SELECT close_reason FROM sys_peers").stream()
                    .anyMatch(r -> r.get(0).startsWith("FORGED")));
    assertThat(rows(hub, ALL)).containsExactly(List.of("1", "a online"));
    assertThat(refusalsRecorded(hub))
        .containsExactly(List.of("AUTHORSHIP", node, forged.id().toString()));

    Connection back = cluster.client("a", port);
    Connection b = cluster.client("b", port);
    List<List<String>> all = awaitSame(ALL, hub, back, b);
    assertThat(all)
        .containsExactly(
            List.of("1", "a offline, updated"),
            List.of("2", "a offline"),
            List.of("3", "a offline"));
  }

  /**
   * The refusals the hub recorded in its conflicts table, read from its database file over plain
   * sqlite-jdbc (a second reader of a WAL database is allowed while the node runs).
   */
  private List<List<String>> refusalsRecorded(Connection hub) throws Exception {
    try (Connection file = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("hub.db"))) {
      return rows(file, "SELECT kind, entity, op FROM _pl_conflicts WHERE kind = 'AUTHORSHIP'");
    }
  }

  /** {@code tx} as a signed record that announces a key the forger just made. */
  private static byte[] signedByNewKey(Transaction tx) {
    try {
      KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
      byte[] der = pair.getPublic().getEncoded();
      byte[] raw = Arrays.copyOfRange(der, der.length - 32, der.length);
      RecordSigner signer =
          new RecordSigner() {
            @Override
            public byte[] publicKey() {
              return raw.clone();
            }

            @Override
            public byte[] sign(byte[] data, int length) {
              try {
                Signature s = Signature.getInstance("Ed25519");
                s.initSign(pair.getPrivate());
                s.update(data, 0, length);
                return s.sign();
              } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
              }
            }
          };
      OpEncoder enc = new OpEncoder();
      enc.begin(tx.id());
      for (Operation op : tx.ops()) {
        enc.add(op);
      }
      return enc.finishSigned(tx.prev(), signer, true, null);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
