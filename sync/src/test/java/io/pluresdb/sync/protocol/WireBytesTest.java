package io.pluresdb.sync.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import io.pluresdb.crdt.op.ByteSink;
import io.pluresdb.crdt.op.ValueCodec;
import io.pluresdb.crdt.store.Store;
import io.pluresdb.crdt.store.WriteTxn;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Bytes on the wire per single-field update, beyond the key and the value. */
@Timeout(180)
class WireBytesTest {
  @TempDir Path dir;

  private static int encoded(Object v) {
    ByteSink s = new ByteSink(16);
    ValueCodec.write(s, v);
    return s.size();
  }

  /**
   * The most an update frame may hold beyond key and value, from the encoding: frame header (type,
   * batch number, record count, record length: 4 bytes while they are small), record version 1,
   * transaction id 16, previous transaction of the same node as a delta 1 + up to 10, operation
   * count 1, kind and flags 1, id delta up to 10, table and column names with their refs and the
   * column count 4 + names, key count 1, precursor count 1 and the precursor: a delta of up to 10
   * when the row was last written by this node, its full 16-byte id when by another; then the
   * authorship flags 1 and the author's Ed25519 signature 64.
   */
  private static int bound(String table, String column, boolean foreignPrecursor) {
    return 4
        + 1
        + 16
        + 11
        + 1
        + 1
        + 10
        + 4
        + table.length()
        + column.length()
        + 1
        + 1
        + (foreignPrecursor ? 16 : 10)
        + 1
        + 64;
  }

  private static int updateFrame(SimNet net, SimNet.Conn conn, Store s, Object key, Object value)
      throws Exception {
    int before = conn.client.sent.size();
    try (WriteTxn tx = s.beginWrite(Data.WAIT)) {
      tx.update("album", new Object[] {key}, new int[] {1}, new Object[] {value});
      tx.commit();
    }
    net.settle();
    List<byte[]> frames = conn.client.sent.subList(before, conn.client.sent.size());
    assertThat(frames).hasSize(1);
    return frames.get(0).length;
  }

  @Test
  void aSingleFieldUpdateCostsAFixedOverheadBeyondKeyAndValue(TestReporter report)
      throws Exception {
    try (SimNet net = new SimNet()) {
      Store aStore = Data.open(dir, "a");
      Store hubStore = Data.open(dir, "hub");
      SimNet.Node a = net.node("a", aStore, SyncConfig.defaults());
      SimNet.Node hub = net.node("hub", hubStore, SyncConfig.defaults());
      Data.createTable(aStore, "album");
      Data.put(aStore, "album", 1965, "Pastel Blues");
      SimNet.Conn conn = net.connect(a, hub);
      net.settle();
      Data.put(hubStore, "album", 1966, "Wild Is the Wind");
      net.settle();

      Object value = "I Put a Spell on You";
      int own = updateFrame(net, conn, aStore, 1965L, value) - encoded(1965L) - encoded(value);
      int foreign = updateFrame(net, conn, aStore, 1966L, value) - encoded(1966L) - encoded(value);
      report.publishEntry(
          "single-field update",
          String.format(
              Locale.ROOT,
              "%d bytes beyond key and value (row last written by this node),"
                  + " %d (by another node); table and column names take %d of them",
              own,
              foreign,
              "album".length() + "v".length()));

      assertThat(own).isLessThanOrEqualTo(bound("album", "v", false));
      assertThat(foreign).isLessThanOrEqualTo(bound("album", "v", true));
      assertThat(Data.dump(hubStore)).isEqualTo(Data.dump(aStore));
    }
  }
}
