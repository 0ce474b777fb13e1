package io.pluresdb.sync.netty;

import io.netty.channel.Channel;
import io.netty.channel.EventLoop;
import io.netty.util.ReferenceCountUtil;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.RejectedExecutionException;

/**
 * The frames one link's session writes during one task on its serial executor, handed to the
 * channel's event loop together: one event-loop task writes them all and flushes once. Writing each
 * frame from the serial executor would cost an event-loop task per frame and another for the flush;
 * with thousands of sessions receiving every transaction, those tasks are most of what the hub
 * does. Order is kept: frames leave in the order written, and a close frame written after {@link
 * #flush} goes after them (the event loop runs its tasks in order).
 *
 * <p>Not thread-safe: {@link #add} and {@link #flush} are for the link's serial executor only.
 */
final class Outgoing {
  private final Channel channel;
  private List<Object> frames = new ArrayList<>(2);

  Outgoing(Channel channel) {
    this.channel = channel;
  }

  /** A frame to write at the next {@link #flush}. */
  void add(Object frame) {
    frames.add(frame);
  }

  /** Writes what was added since the last flush, then flushes the channel once. */
  void flush() {
    if (frames.isEmpty()) {
      return;
    }
    List<Object> out = frames;
    frames = new ArrayList<>(2);
    EventLoop loop = channel.eventLoop();
    if (loop.inEventLoop()) {
      write(out);
      return;
    }
    try {
      loop.execute(() -> write(out));
    } catch (RejectedExecutionException shutDown) {
      // the event loop is gone and the channel with it: nothing will be sent
      out.forEach(ReferenceCountUtil::release);
    }
  }

  private void write(List<Object> out) {
    for (Object f : out) {
      channel.write(f, channel.voidPromise());
    }
    channel.flush();
  }
}
