package io.pluresdb.sync.netty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.local.LocalChannel;
import io.netty.channel.local.LocalIoHandler;
import io.netty.util.ReferenceCountUtil;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A link's outgoing frames, written from a thread other than the channel's event loop (as the
 * session's serial executor does): they reach the channel in order, on its event loop, followed by
 * one flush; nothing written means no flush; and frames that can no longer be written are released.
 */
class OutgoingTest {
  private static final Duration WAIT = Duration.ofSeconds(60);

  private final EventLoopGroup loop =
      new MultiThreadIoEventLoopGroup(1, LocalIoHandler.newFactory());
  private final List<String> seen = new CopyOnWriteArrayList<>();

  @AfterEach
  void stop() {
    loop.shutdownGracefully(0, 0, TimeUnit.SECONDS).syncUninterruptibly();
  }

  /** A channel on the test's event loop that records what is written and flushed, and drops it. */
  private Channel channel() {
    Channel ch = new LocalChannel();
    ch.pipeline()
        .addLast(
            new ChannelOutboundHandlerAdapter() {
              @Override
              public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
                String where = ctx.executor().inEventLoop() ? "" : " (off the event loop)";
                seen.add(new String((byte[]) msg, StandardCharsets.UTF_8) + where);
                ReferenceCountUtil.release(msg);
              }

              @Override
              public void flush(ChannelHandlerContext ctx) {
                seen.add("flush");
              }
            });
    loop.register(ch).syncUninterruptibly();
    return ch;
  }

  private static byte[] frame(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void framesWrittenTogetherLeaveInOrderOnTheEventLoopWithOneFlush() {
    Outgoing out = new Outgoing(channel());
    out.add(frame("a"));
    out.add(frame("b"));
    out.add(frame("c"));
    out.flush();
    await().atMost(WAIT).until(() -> seen.size() >= 4);
    assertThat(seen).containsExactly("a", "b", "c", "flush");

    out.add(frame("d"));
    out.flush();
    await().atMost(WAIT).until(() -> seen.size() >= 6);
    assertThat(seen).containsExactly("a", "b", "c", "flush", "d", "flush");
  }

  @Test
  void nothingWrittenIsNoFlush() throws Exception {
    Outgoing out = new Outgoing(channel());
    out.flush();
    // the event loop runs its tasks in order: once this one ran, a flush task would have too
    loop.submit(() -> {}).get(60, TimeUnit.SECONDS);
    assertThat(seen).isEmpty();
  }

  @Test
  void framesForAnEventLoopThatIsGoneAreReleased() {
    Outgoing out = new Outgoing(channel());
    loop.shutdownGracefully(0, 0, TimeUnit.SECONDS).syncUninterruptibly();
    ByteBuf frame = Unpooled.copiedBuffer(frame("late"));
    out.add(frame);
    out.flush();
    assertThat(frame.refCnt()).isZero();
    assertThat(seen).isEmpty();
  }
}
