package io.pluresdb.sync.netty;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.function.Supplier;

/**
 * Answers {@code GET /status} on the replication port with the node's peers as JSON (what {@code
 * pluresdb status} prints); every other request goes on to the WebSocket handshake. When the node
 * has a token, the request must carry it ({@code Authorization: Bearer <token>}), else 401.
 *
 * <p>Sharable and stateless; runs on the event loop (the JSON supplier reads volatile snapshots and
 * does not block).
 */
@io.netty.channel.ChannelHandler.Sharable
public final class StatusRoute extends SimpleChannelInboundHandler<FullHttpRequest> {
  /** The path of the status page. */
  public static final String PATH = "/status";

  private final byte[] token;
  private final Supplier<String> json;

  public StatusRoute(String token, Supplier<String> json) {
    super(false);
    this.token = token == null ? null : token.getBytes(StandardCharsets.UTF_8);
    this.json = json;
  }

  @Override
  protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest req) {
    if (!new QueryStringDecoder(req.uri()).path().equals(PATH)) {
      ctx.fireChannelRead(req);
      return;
    }
    try {
      FullHttpResponse res;
      if (!req.method().equals(HttpMethod.GET)) {
        res = text(HttpResponseStatus.METHOD_NOT_ALLOWED, "GET only\n");
      } else if (!authorized(req.headers().get(HttpHeaderNames.AUTHORIZATION))) {
        res = text(HttpResponseStatus.UNAUTHORIZED, "a valid token is required\n");
      } else {
        res = body(HttpResponseStatus.OK, json.get(), HttpHeaderValues.APPLICATION_JSON.toString());
      }
      ctx.writeAndFlush(res).addListener(ChannelFutureListener.CLOSE);
    } finally {
      req.release();
    }
  }

  private boolean authorized(String header) {
    if (token == null) {
      return true;
    }
    String prefix = "Bearer ";
    if (header == null || !header.startsWith(prefix)) {
      return false;
    }
    // constant time, so the answer's timing says nothing about the token
    return MessageDigest.isEqual(
        token, header.substring(prefix.length()).getBytes(StandardCharsets.UTF_8));
  }

  private static FullHttpResponse text(HttpResponseStatus status, String text) {
    return body(status, text, "text/plain; charset=utf-8");
  }

  private static FullHttpResponse body(HttpResponseStatus status, String text, String type) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    FullHttpResponse res =
        new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status, Unpooled.wrappedBuffer(bytes));
    res.headers()
        .set(HttpHeaderNames.CONTENT_TYPE, type)
        .setInt(HttpHeaderNames.CONTENT_LENGTH, bytes.length);
    return res;
  }
}
