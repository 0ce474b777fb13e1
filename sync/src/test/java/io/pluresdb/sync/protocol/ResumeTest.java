package io.pluresdb.sync.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import io.pluresdb.crdt.store.Store;
import io.pluresdb.crdt.store.StoreConfig;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** A reconnecting peer resumes where its last session left off, unless it holds less now. */
@Timeout(180)
class ResumeTest {
  @TempDir Path dir;

  @Test
  void aReconnectingPeerIsNotSentTheWholeLogAgainUnlessItLostSome() throws Exception {
    AtomicInteger read = new AtomicInteger();
    try (SimNet net = new SimNet()) {
      Store hubStore = Data.countingReads(Data.open(dir, "hub"), read);
      SimNet.Node hub = net.node("hub", hubStore, SyncConfig.defaults());
      Data.createTable(hubStore, "t");
      for (int i = 0; i < 300; i++) {
        Data.put(hubStore, "t", i, "v" + i);
      }
      StoreConfig bConfig = StoreConfig.file(dir.resolve("b.db")).withNodeName("0000000000b1");
      SimNet.Node b = net.node("b", Store.open(bConfig), SyncConfig.defaults());
      net.connect(b, hub);
      net.settle();
      assertThat(read.get()).isEqualTo(301);

      net.openConns().forEach(SimNet.Conn::reset);
      Data.put(hubStore, "t", 1000, "while b was away");
      read.set(0);
      net.connect(b, hub);
      net.settle();
      assertThat(read.get()).isEqualTo(1);
      assertThat(Data.dump(b.store)).isEqualTo(Data.dump(hubStore));

      // b comes back from an older copy: same node id, nothing held
      net.openConns().forEach(SimNet.Conn::reset);
      StoreConfig restored =
          StoreConfig.file(dir.resolve("b-restored.db")).withNodeName("0000000000b1");
      SimNet.Node older = net.node("b restored", Store.open(restored), SyncConfig.defaults());
      assertThat(older.store.nodeId()).isEqualTo(b.store.nodeId());
      read.set(0);
      net.connect(older, hub);
      net.settle();
      assertThat(read.get()).isEqualTo(302);
      assertThat(Data.dump(older.store)).isEqualTo(Data.dump(hubStore));
    }
  }
}
