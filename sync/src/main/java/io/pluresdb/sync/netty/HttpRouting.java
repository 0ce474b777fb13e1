package io.pluresdb.sync.netty;

import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.pluresdb.sync.http.HttpCall;
import io.pluresdb.sync.http.HttpRoute;
import io.pluresdb.sync.http.HttpRoutes;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Hands a request whose path a mounted {@link HttpRoute} accepts to that route, and every other
 * request on to the WebSocket handshake. A connection so answered is plain HTTP from then on: its
 * upgrade deadline is lifted (a stream of events may stay open) and it closes after its response.
 *
 * <p>Sharable and stateless beyond the routes (thread-safe); runs on the event loop and only copies
 * the request before calling the route.
 */
@ChannelHandler.Sharable
final class HttpRouting extends SimpleChannelInboundHandler<FullHttpRequest> {
  private final HttpRoutes routes;

  HttpRouting(HttpRoutes routes) {
    super(false);
    this.routes = routes;
  }

  @Override
  protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest req) {
    QueryStringDecoder uri = new QueryStringDecoder(req.uri());
    HttpRoute route = routes.find(uri.path());
    if (route == null) {
      ctx.fireChannelRead(req);
      return;
    }
    HttpCall call;
    try {
      Map<String, String> headers = new HashMap<>();
      req.headers()
          .forEach(h -> headers.putIfAbsent(h.getKey().toLowerCase(Locale.ROOT), h.getValue()));
      call =
          new HttpCall(
              req.method().name(),
              uri.path(),
              uri.parameters(),
              headers,
              ByteBufUtil.getBytes(req.content()));
    } finally {
      req.release();
    }
    RequestDeadline deadline = ctx.pipeline().get(RequestDeadline.class);
    if (deadline != null) {
      ctx.pipeline().remove(deadline);
    }
    route.handle(call, new NettyReply(ctx.channel()));
  }
}
