package io.pluresdb.sync.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import io.pluresdb.crdt.store.Store;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A receiver acknowledges several batches at once while more keep arriving, and at once when none
 * is waiting, so the sender's window and lag move as before with fewer acknowledgements.
 */
@Timeout(180)
class AckBatchingTest {
  @TempDir Path dir;

  private static List<Long> acks(SimNet.End end) throws ProtocolException {
    List<Long> out = new ArrayList<>();
    for (byte[] f : end.sent) {
      if (MessageCodec.decode(f) instanceof Message.Ack a) {
        out.add(a.seqNo());
      }
    }
    return out;
  }

  @Test
  void batchesArrivingTogetherAreAcknowledgedTogetherAndALoneOneAtOnce() throws Exception {
    try (SimNet net = new SimNet()) {
      Store hubStore = Data.open(dir, "hub");
      // one transaction a batch, four batches in flight: the peer acknowledges every second one
      SimNet.Node hub = net.node("hub", hubStore, SyncConfig.builder().batch(1, 1 << 20).build());
      SimNet.Node a = net.node("a", Data.open(dir, "a"), SyncConfig.defaults());
      Data.createTable(hubStore, "t");
      SimNet.Conn conn = net.connect(a, hub);
      net.settle();
      conn.client.sent.clear();

      Data.put(hubStore, "t", 1, "alone");
      while (conn.server.step()) {
        // the hub sends its one batch
      }
      assertThat(conn.client.inbound).hasSize(1);
      conn.client.step();
      assertThat(acks(conn.client)).as("a lone batch is acknowledged at once").hasSize(1);
      net.settle();
      conn.client.sent.clear();

      for (int i = 2; i <= 5; i++) {
        Data.put(hubStore, "t", i, "together");
      }
      while (conn.server.step()) {
        // the hub fills its window of four batches
      }
      assertThat(conn.client.inbound).hasSize(4);
      while (conn.client.step()) {
        // the peer applies the four batches, one after the other
      }
      List<Long> acks = acks(conn.client);
      assertThat(acks).as("one acknowledgement for every two batches").hasSize(2);
      net.settle();

      assertThat(Data.dump(a.store)).isEqualTo(Data.dump(hubStore));
      assertThat(conn.server.session.status().lag()).isZero();
      assertThat(conn.server.session.status().sentTransactions()).isEqualTo(6);
    }
  }
}
