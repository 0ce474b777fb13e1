package io.pluresdb.sync.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import io.pluresdb.crdt.op.ByteSink;
import io.pluresdb.crdt.op.ValueCodec;
import io.pluresdb.crdt.store.Store;
import io.pluresdb.crdt.store.WriteTxn;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Bytes on the wire per single-field update, beyond the key and the value. */
@Timeout(60)
class WireBytesTest {
  @TempDir Path dir;

  private static int encoded(Object v) {
    ByteSink s = new ByteSink(16);
    ValueCodec.write(s, v);
    return s.size();
  }

  @Test
  void aSingleFieldUpdateCostsAFixedOverheadBeyondKeyAndValue() throws Exception {
    try (SimNet net = new SimNet()) {
      Store aStore = Data.open(dir, "a");
      Store hubStore = Data.open(dir, "hub");
      SimNet.Node a = net.node("a", aStore, SyncConfig.defaults());
      SimNet.Node hub = net.node("hub", hubStore, SyncConfig.defaults());
      Data.createTable(aStore, "album");
      Data.put(aStore, "album", 1965, "Pastel Blues");
      SimNet.Conn conn = net.connect(a, hub);
      net.settle();
      int before = conn.client.sent.size();

      Object key = 1965L;
      Object value = "Wild Is the Wind";
      try (WriteTxn tx = aStore.beginWrite(Data.WAIT)) {
        tx.update("album", new Object[] {key}, new int[] {1}, new Object[] {value});
        tx.commit();
      }
      net.settle();

      List<byte[]> frames = conn.client.sent.subList(before, conn.client.sent.size());
      assertThat(frames).hasSize(1);
      int frame = frames.get(0).length;
      int overhead = frame - encoded(key) - encoded(value);
      System.out.printf(
          "single-field update: %d-byte frame, %d bytes beyond key (%d) and value (%d);"
              + " table and column names %d bytes%n",
          frame, overhead, encoded(key), encoded(value), "album".length() + "v".length());
      // the bound follows from the encoding: frame header (type, batch number, record count,
      // record length: 4 bytes while they are small), record version 1, transaction id 16,
      // previous transaction 1 + 16, operation count 1, kind and flags 1, id delta up to 10,
      // table and column names 2 + 1 + 1 + names, key count 1, precursor count 1 and one 16-byte
      // precursor (the row's insert)
      int bound = 4 + 1 + 16 + 17 + 1 + 1 + 10 + 4 + "album".length() + "v".length() + 1 + 17;
      assertThat(overhead).isLessThanOrEqualTo(bound);
      assertThat(Data.dump(hubStore)).isEqualTo(Data.dump(aStore));
    }
  }
}
