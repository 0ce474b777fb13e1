package io.pluresdb.crdt.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.pluresdb.crdt.clock.OpId;
import io.pluresdb.crdt.op.LogEntry;
import io.pluresdb.crdt.op.OpKind;
import io.pluresdb.crdt.op.Operation;
import io.pluresdb.crdt.op.ReceivedTx;
import io.pluresdb.crdt.op.Transaction;
import io.pluresdb.crdt.op.TxCodec;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A received record is kept as received, in the log and while pending. A record of the older
 * version 2 is the witness: encoding it again would write version 3.
 */
class ReceivedRecordsTest {
  private static final long T0 = 1_700_000_000_000L;
  private final Nodes nodes = new Nodes();

  @AfterEach
  void close() throws SQLException {
    nodes.close();
  }

  @Test
  void aRecordWaitingForItsTableIsStoredAsReceivedInPendingAndThenInTheLog() throws SQLException {
    Store a = nodes.add(T0);
    Store c = nodes.add(T0);
    Nodes.createTables(a);
    byte[] old = versionTwoInsert();

    ApplyResult early = c.applyRemote(List.of(ReceivedTx.decode(old.clone())));
    assertThat(early).isEqualTo(new ApplyResult.Applied(0, 0, 1, 1));
    assertThat(pending(c)).containsExactly(hex(old));

    Nodes.sync(a, c);
    assertThat(pending(c)).isEmpty();
    List<String> log = c.readLog(0, 100).stream().map(e -> hex(e.record())).toList();
    assertThat(log).hasSize(2).contains(hex(old));
    // a's own records, too, are the bytes a wrote
    assertThat(log).containsAll(a.readLog(0, 100).stream().map(e -> hex(e.record())).toList());
    assertThat(Fixtures.dump(c, "SELECT k, a, b, c FROM kv")).containsExactly("[2, z, null, null]");
  }

  @Test
  void aLogEntryReceivedIsItsOwnBytesDecodedOnce() throws SQLException {
    Store a = nodes.add(T0);
    Nodes.createTables(a);
    LogEntry e = a.readLog(0, 1).get(0);
    ReceivedTx r = e.received();
    assertThat(r.record()).isSameAs(e.record());
    assertThat(r.tx()).isEqualTo(e.transaction());
  }

  /** Node 0x77's insert into kv, which a fresh node does not have yet, as record version 2. */
  private static byte[] versionTwoInsert() {
    Transaction tx =
        new Transaction(
            OpId.of(T0, 0, 0x77),
            null,
            List.of(
                new Operation(
                    OpId.of(T0, 1, 0x77),
                    OpKind.INSERT,
                    "kv",
                    new Object[] {2L},
                    new String[] {"k", "a"},
                    new Object[] {2L, "z"},
                    List.of(),
                    null)));
    byte[] record = TxCodec.encode(tx);
    // no previous transaction and no precursors: version 2's layout but for this byte
    record[0] = 2;
    assertThat(TxCodec.decode(record)).isEqualTo(tx);
    return record;
  }

  private static List<String> pending(Store s) throws SQLException {
    List<String> out = new ArrayList<>();
    try (Connection c = s.openReader();
        Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT data FROM _pl_pending")) {
      while (rs.next()) {
        out.add(hex(rs.getBytes(1)));
      }
    }
    return out;
  }

  private static String hex(byte[] b) {
    return HexFormat.of().formatHex(b);
  }
}
