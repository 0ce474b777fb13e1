package io.pluresdb.sync.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import io.pluresdb.crdt.store.Store;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Catching a peer up reads each log entry once, however many frames a page of the log fills. */
@Timeout(180)
class CatchUpReadsTest {
  @TempDir Path dir;

  @Test
  void framesCutByBytesTakeTheRestOfThePageInsteadOfReadingItAgain() throws Exception {
    AtomicInteger read = new AtomicInteger();
    try (SimNet net = new SimNet()) {
      Store hubStore = Data.countingReads(Data.open(dir, "hub"), read);
      // a page of the log is 256 entries; a frame holds only a few of these rows
      SyncConfig small = SyncConfig.builder().batch(256, 4 << 10).build();
      SimNet.Node hub = net.node("hub", hubStore, small);
      Data.createTable(hubStore, "t");
      String big = "x".repeat(1000);
      for (int i = 0; i < 300; i++) {
        Data.put(hubStore, "t", i, big + i);
      }
      SimNet.Node a = net.node("a", Data.open(dir, "a"), SyncConfig.defaults());
      SimNet.Conn conn = net.connect(a, hub);
      net.settle();

      assertThat(Data.dump(a.store)).isEqualTo(Data.dump(hubStore));
      assertThat(conn.server.session.status().sentTransactions()).isEqualTo(301);
      assertThat(read.get()).isEqualTo(301);
    }
  }
}
