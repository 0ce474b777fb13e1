package io.pluresdb.sync.netty;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.pluresdb.crdt.clock.OpId;
import io.pluresdb.crdt.feed.ChangeSet;
import io.pluresdb.crdt.op.LogEntry;
import io.pluresdb.sync.protocol.Message;
import io.pluresdb.sync.protocol.MessageCodec;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The live stream of one link on an embedded channel, its serial executor a queue the test runs:
 * transactions that queue together leave in one frame built on the shared bytes, and a link whose
 * socket does not drain takes no reference to them and catches up from the log once it does.
 */
class LiveStreamTest {
  private final EmbeddedChannel channel = new EmbeddedChannel();
  private final List<Runnable> serial = new ArrayList<>();
  private final List<List<ChangeSet>> handed = new ArrayList<>();
  private final List<BinaryWebSocketFrame> frames = new ArrayList<>();
  private LiveStream live;

  private LiveStream stream() {
    live =
        new LiveStream(
            channel,
            serial::add,
            8,
            () -> false,
            changes -> {
              handed.add(changes);
              if (!changes.isEmpty()) {
                List<LogEntry> entries = changes.stream().map(ChangeSet::entry).toList();
                frames.add(live.frame(MessageCodec.batchHead(1, entries.size()), entries));
              }
            });
    return live;
  }

  private static ChangeSet change(long seq) {
    byte[] record = new byte[40];
    record[0] = (byte) seq;
    return new ChangeSet(
        "tx" + seq, "n", true, List.of(), List.of(), new LogEntry(seq, OpId.of(1, seq, 7), record));
  }

  private void runQueued() {
    while (!serial.isEmpty()) {
      serial.remove(0).run();
    }
  }

  @Test
  void transactionsQueuedTogetherLeaveInOneFrameOfTheSharedBytes() {
    LiveStream s = stream();
    List<ChangeSet> changes = List.of(change(1), change(2), change(3));
    List<ByteBuf> fields = new ArrayList<>();
    for (ChangeSet c : changes) {
      ByteBuf field = SharedRecords.encode(c.entry());
      fields.add(field);
      s.committed(c, field);
    }
    assertThat(serial).hasSize(1);
    runQueued();

    assertThat(handed).containsExactly(changes);
    BinaryWebSocketFrame frame = frames.get(0);
    byte[] expected =
        MessageCodec.encode(
            new Message.Batch(1, changes.stream().map(c -> c.entry().record()).toList()));
    assertThat(ByteBufUtil.getBytes(frame.content())).isEqualTo(expected);
    // the frame holds the shared buffers, not copies; the stream has let go of its own references
    assertThat(fields).allSatisfy(f -> assertThat(f.refCnt()).isEqualTo(2));
    frame.release();
    assertThat(fields).allSatisfy(f -> assertThat(f.refCnt()).isEqualTo(1));
    fields.forEach(ByteBuf::release);
  }

  @Test
  void aLinkThatDoesNotDrainHoldsNoSharedBufferAndCatchesUpFromTheLogOnceItDoes() {
    LiveStream s = stream();
    channel.config().setWriteBufferWaterMark(new WriteBufferWaterMark(1, 2));
    channel.write(Unpooled.wrappedBuffer(new byte[16]));
    assertThat(channel.isWritable()).isFalse();

    ByteBuf field = SharedRecords.encode(change(1).entry());
    s.committed(change(1), field);
    assertThat(field.refCnt()).isEqualTo(1);
    assertThat(serial).isEmpty();

    channel.flush();
    assertThat(channel.isWritable()).isTrue();
    s.drained();
    runQueued();
    assertThat(handed).containsExactly(List.of());
    field.release();
    channel.finishAndReleaseAll();
  }
}
