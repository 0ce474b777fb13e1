package io.pluresdb.sync.netty;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;
import io.netty.util.concurrent.ScheduledFuture;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Closes a connection that has not become a WebSocket session within its deadline: an HTTP request
 * that never ends (a header and then silence), or a request answered without an upgrade and left
 * open. Netty's own handshake timeout only starts once a whole request has arrived, so a slow or
 * silent client would otherwise hold its socket for ever. Removed once the upgrade completes.
 *
 * <p>Not shared: one per connection, called on its event loop only.
 */
final class RequestDeadline extends ChannelInboundHandlerAdapter {
  private static final Logger LOG = LoggerFactory.getLogger(RequestDeadline.class);

  private final Duration deadline;
  private ScheduledFuture<?> timer;

  RequestDeadline(Duration deadline) {
    this.deadline = deadline;
  }

  @Override
  public void handlerAdded(ChannelHandlerContext ctx) {
    timer =
        ctx.executor()
            .schedule(
                () -> {
                  LOG.info(
                      "closing {}: no WebSocket session within {} ms",
                      ctx.channel().remoteAddress(),
                      deadline.toMillis());
                  ctx.close();
                },
                deadline.toMillis(),
                TimeUnit.MILLISECONDS);
  }

  @Override
  public void userEventTriggered(ChannelHandlerContext ctx, Object evt) throws Exception {
    if (evt instanceof WebSocketServerProtocolHandler.HandshakeComplete) {
      ctx.pipeline().remove(this);
    }
    super.userEventTriggered(ctx, evt);
  }

  @Override
  public void handlerRemoved(ChannelHandlerContext ctx) {
    if (timer != null) {
      timer.cancel(false);
    }
  }
}
