package io.pluresdb.sync.netty;

import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.CorruptedFrameException;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolHandler;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;
import io.netty.util.AttributeKey;
import io.netty.util.ReferenceCountUtil;
import io.pluresdb.sync.protocol.CloseReason;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The last handler of both pipelines: opens the connection's {@link SessionLink} when the WebSocket
 * handshake completes and hands it frames, writability changes and the end of the connection.
 * Oversized and malformed input closes the connection with the matching close code.
 *
 * <p>One instance per channel; every callback runs on the channel's event loop, and none blocks.
 */
public final class SessionHandler extends ChannelInboundHandlerAdapter {
  private static final Logger LOG = LoggerFactory.getLogger(SessionHandler.class);

  /** Why a connection failed before its WebSocket handshake completed (kept for the dialer). */
  private static final AttributeKey<Throwable> FAILURE =
      AttributeKey.valueOf(SessionHandler.class, "failure");

  private final LinkOpener opener;
  private SessionLink link;
  private boolean refused;

  public SessionHandler(LinkOpener opener) {
    this.opener = opener;
  }

  /**
   * Why {@code channel} failed before its handshake completed (a refused upgrade, a TLS mismatch),
   * or null.
   */
  public static Throwable failureOf(Channel channel) {
    return channel.attr(FAILURE).get();
  }

  /** This channel's link, or null before the handshake completes. */
  SessionLink link() {
    return link;
  }

  @Override
  public void userEventTriggered(ChannelHandlerContext ctx, Object evt) throws Exception {
    if (link == null
        && !refused
        && (evt instanceof WebSocketServerProtocolHandler.HandshakeComplete
            || evt
                == WebSocketClientProtocolHandler.ClientHandshakeStateEvent.HANDSHAKE_COMPLETE)) {
      link = opener.open(ctx.channel());
      if (link == null) {
        refused = true; // the opener is closing the connection: what the peer sends is dropped
      } else {
        link.start();
      }
    }
    super.userEventTriggered(ctx, evt);
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    if (msg instanceof byte[] frame) {
      if (refused) {
        return;
      } else if (link == null) {
        refuse(ctx, new CloseReason(CloseReason.Code.MALFORMED, "frame before the handshake"));
      } else {
        link.received(frame);
      }
    } else if (msg instanceof CloseWebSocketFrame close) {
      try {
        if (link != null) {
          link.peerClosed(CloseCodes.reason(close.statusCode(), close.reasonText()));
        }
        // echo the close, as RFC 6455 asks, then drop the connection
        ctx.writeAndFlush(new CloseWebSocketFrame(close.statusCode(), ""))
            .addListener(ChannelFutureListener.CLOSE);
      } finally {
        ReferenceCountUtil.release(close);
      }
    } else {
      ctx.fireChannelRead(msg);
    }
  }

  @Override
  public void channelWritabilityChanged(ChannelHandlerContext ctx) throws Exception {
    if (link != null) {
      link.writabilityChanged();
    }
    super.channelWritabilityChanged(ctx);
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) throws Exception {
    if (link != null) {
      link.disconnected();
    }
    super.channelInactive(ctx);
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    if (cause instanceof TooLongFrameException) {
      refuse(
          ctx,
          new CloseReason(CloseReason.Code.TOO_LARGE, "message too large: " + cause.getMessage()));
    } else if (cause instanceof CorruptedFrameException) {
      refuse(ctx, new CloseReason(CloseReason.Code.MALFORMED, "bad frame: " + cause.getMessage()));
    } else if (link == null) {
      // before the handshake (a refused upgrade or token, a TLS mismatch): it repeats at every
      // reconnect, so whoever dialed logs it once; here it is kept and logged at debug
      LOG.debug("connection {} failed before the handshake", ctx.channel(), cause);
      ctx.channel().attr(FAILURE).set(cause);
      ctx.close();
    } else if (cause instanceof IOException) {
      // a reset or broken connection: the peer is gone, reconnection will follow
      LOG.debug("connection error on {}", ctx.channel(), cause);
      ctx.close();
    } else {
      LOG.warn("closing {} after an error", ctx.channel(), cause);
      refuse(ctx, new CloseReason(CloseReason.Code.INTERNAL, "internal error: " + cause));
    }
  }

  private void refuse(ChannelHandlerContext ctx, CloseReason reason) {
    LOG.info("closing {}: {}", ctx.channel(), reason.message());
    if (link != null) {
      link.transportClosed(reason);
    }
    if (ctx.channel().isActive()) {
      CloseCodes.close(ctx.channel(), reason);
    }
  }
}
