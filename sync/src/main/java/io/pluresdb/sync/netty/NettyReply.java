package io.pluresdb.sync.netty;

import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.pluresdb.sync.http.EventStream;
import io.pluresdb.sync.http.HttpReply;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The answer to one routed request on its channel. Netty's writes may come from any thread and keep
 * their order, so a route answers from its own threads.
 *
 * <p>Thread-safe: the channel orders writes; a flag makes the answer happen once.
 */
final class NettyReply implements HttpReply {
  private final Channel channel;
  private final AtomicBoolean answered = new AtomicBoolean();

  NettyReply(Channel channel) {
    this.channel = channel;
  }

  @Override
  public void send(int status, String contentType, Map<String, String> headers, byte[] body) {
    once();
    FullHttpResponse res =
        new DefaultFullHttpResponse(
            HttpVersion.HTTP_1_1, HttpResponseStatus.valueOf(status), Unpooled.wrappedBuffer(body));
    headers.forEach(res.headers()::add);
    res.headers()
        .set(HttpHeaderNames.CONTENT_TYPE, contentType)
        .set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE)
        .setInt(HttpHeaderNames.CONTENT_LENGTH, body.length);
    channel.writeAndFlush(res).addListener(ChannelFutureListener.CLOSE);
  }

  @Override
  public EventStream stream() {
    once();
    HttpResponse res = new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK);
    res.headers()
        .set(HttpHeaderNames.CONTENT_TYPE, "text/event-stream; charset=utf-8")
        .set(HttpHeaderNames.CACHE_CONTROL, HttpHeaderValues.NO_CACHE)
        .set(HttpHeaderNames.TRANSFER_ENCODING, HttpHeaderValues.CHUNKED);
    channel.writeAndFlush(res);
    return new Stream(channel);
  }

  private void once() {
    if (!answered.compareAndSet(false, true)) {
      throw new IllegalStateException("this request was answered already");
    }
  }

  /** Server-sent events as chunks of the open response. */
  private record Stream(Channel channel) implements EventStream {
    @Override
    public boolean send(String event, String data) {
      if (!channel.isActive()) {
        return false;
      }
      // data must not span lines in one field: one "data:" line per line of the text
      String text =
          "event: "
              + event
              + "\ndata: "
              + data.replace("\r", "").replace("\n", "\ndata: ")
              + "\n\n";
      channel.writeAndFlush(
          new DefaultHttpContent(Unpooled.wrappedBuffer(text.getBytes(StandardCharsets.UTF_8))));
      return true;
    }

    @Override
    public void onClose(Runnable action) {
      channel.closeFuture().addListener(f -> action.run());
    }

    @Override
    public void close() {
      if (channel.isActive()) {
        channel
            .writeAndFlush(LastHttpContent.EMPTY_LAST_CONTENT)
            .addListener(ChannelFutureListener.CLOSE);
      }
    }
  }
}
