package io.pluresdb.sync.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import io.pluresdb.crdt.clock.OpId;
import io.pluresdb.crdt.op.LogEntry;
import io.pluresdb.crdt.op.OpKind;
import io.pluresdb.crdt.op.Operation;
import io.pluresdb.crdt.op.ReceivedTx;
import io.pluresdb.crdt.op.Transaction;
import io.pluresdb.crdt.op.TxCodec;
import io.pluresdb.crdt.store.ApplyResult;
import io.pluresdb.crdt.store.Store;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Logs are byte-identical across nodes: each node stores a record as it received it, and relays
 * send the stored bytes on. A record of the older version 2 is the witness: any node that decoded
 * and encoded it again would store version 3 bytes instead.
 */
@Timeout(180)
class ByteIdentityTest {
  @TempDir Path dir;

  @Test
  void everyNodeKeepsEachRecordByteForByteAsItsAuthorWroteIt() throws Exception {
    try (SimNet net = new SimNet()) {
      Store hubStore = Data.open(dir, "hub");
      Store aStore = Data.open(dir, "a");
      Store bStore = Data.open(dir, "b");
      SimNet.Node hub = net.node("hub", hubStore, SyncConfig.defaults());
      SimNet.Node a = net.node("a", aStore, SyncConfig.defaults());
      SimNet.Node b = net.node("b", bStore, SyncConfig.defaults());
      Data.createTable(aStore, "t");
      Data.put(aStore, "t", 1, "from a");
      // a record an older node wrote (version 2) reaches a before the others connect
      byte[] old = versionTwoRecord();
      ApplyResult result = aStore.applyRemote(List.of(ReceivedTx.decode(old.clone())));
      assertThat(result).isEqualTo(new ApplyResult.Applied(1, 0, 0, 0));

      net.connect(a, hub);
      net.connect(b, hub);
      net.settle();
      Data.put(bStore, "t", 2, "from b");
      Data.put(hubStore, "t", 3, "from the hub");
      net.settle();

      Map<String, String> expected = records(aStore);
      assertThat(expected).hasSize(5).containsValue(HexFormat.of().formatHex(old));
      for (Store s : List.of(hubStore, bStore)) {
        assertThat(Data.dump(s)).isEqualTo(Data.dump(aStore));
        // b got the old record only relayed through the hub: the hub sent what it stored
        assertThat(records(s)).isEqualTo(expected);
      }
    }
  }

  /** A foreign node's insert of row 9 into t, laid out as record version 2. */
  private static byte[] versionTwoRecord() {
    long node = 0x0ab1de;
    long now = System.currentTimeMillis() - 1_000;
    Transaction tx =
        new Transaction(
            OpId.of(now, 0, node),
            null,
            List.of(
                new Operation(
                    OpId.of(now, 1, node),
                    OpKind.INSERT,
                    "t",
                    new Object[] {9L},
                    new String[] {"id", "v", "n"},
                    new Object[] {9L, "old", null},
                    List.of(),
                    null)));
    byte[] record = TxCodec.encode(tx);
    // no previous transaction and no precursors: the layout is version 2's but for this byte
    record[0] = 2;
    assertThat(TxCodec.decode(record)).isEqualTo(tx);
    return record;
  }

  /** Every record of {@code s}'s log, hex, by transaction id (log order differs between nodes). */
  private static Map<String, String> records(Store s) throws SQLException {
    Map<String, String> out = new TreeMap<>();
    for (LogEntry e : s.readLog(0, Integer.MAX_VALUE)) {
      out.put(e.txId().toString(), HexFormat.of().formatHex(e.record()));
    }
    return out;
  }
}
