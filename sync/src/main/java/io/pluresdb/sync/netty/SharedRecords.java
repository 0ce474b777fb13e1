package io.pluresdb.sync.netty;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.CompositeByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.pluresdb.crdt.op.LogEntry;
import io.pluresdb.sync.protocol.MessageCodec;
import java.util.List;
import java.util.Map;

/**
 * Transactions encoded once for every session of a node. A committed transaction's batch-frame
 * field ({@link MessageCodec#recordField}) is written once into a pooled direct buffer; each
 * session's batch frame is its own small head followed by duplicates of those shared buffers, so
 * the bytes are neither copied per session nor copied again into the socket.
 *
 * <p>Stateless; the buffers it returns are reference-counted and owned by the caller.
 */
final class SharedRecords {
  private SharedRecords() {}

  /** The field of {@code entry}'s record in a new direct buffer (reference count 1). */
  static ByteBuf encode(LogEntry entry) {
    byte[] record = entry.record();
    ByteBuf buf =
        PooledByteBufAllocator.DEFAULT.directBuffer(MessageCodec.recordFieldLength(record));
    int n = record.length;
    while ((n & ~0x7F) != 0) {
      buf.writeByte((n & 0x7F) | 0x80);
      n >>>= 7;
    }
    buf.writeByte(n);
    buf.writeBytes(record);
    return buf;
  }

  /**
   * One batch frame: {@code head}, then each entry's field, taken from {@code shared} (by log
   * position) when it is there and encoded here when it is not (an entry read from the log).
   */
  static BinaryWebSocketFrame frame(
      ByteBufAllocator alloc, byte[] head, List<LogEntry> entries, Map<Long, ByteBuf> shared) {
    CompositeByteBuf frame = alloc.compositeBuffer(entries.size() + 1);
    frame.addComponent(true, Unpooled.wrappedBuffer(head));
    for (LogEntry e : entries) {
      ByteBuf field = shared.get(e.seq());
      frame.addComponent(
          true,
          field != null
              ? field.retainedDuplicate()
              : Unpooled.wrappedBuffer(MessageCodec.recordField(e.record())));
    }
    return new BinaryWebSocketFrame(frame);
  }
}
