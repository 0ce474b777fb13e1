package io.pluresdb.sync.netty;

import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.MessageToMessageCodec;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import java.util.List;

/**
 * Turns aggregated binary WebSocket messages into the session's byte arrays and back. The protocol
 * is binary: a text message closes the connection with 1003 (unsupported data). Control frames ping
 * and pong are answered by Netty's protocol handler; a close frame passes on to the session
 * handler, which records its reason.
 *
 * <p>Stateless and sharable; runs on the channel's event loop.
 */
@io.netty.channel.ChannelHandler.Sharable
public final class FrameCodec extends MessageToMessageCodec<WebSocketFrame, byte[]> {
  public static final FrameCodec INSTANCE = new FrameCodec();

  private FrameCodec() {}

  @Override
  protected void encode(ChannelHandlerContext ctx, byte[] frame, List<Object> out) {
    out.add(new BinaryWebSocketFrame(Unpooled.wrappedBuffer(frame)));
  }

  @Override
  protected void decode(ChannelHandlerContext ctx, WebSocketFrame frame, List<Object> out) {
    if (frame instanceof BinaryWebSocketFrame) {
      out.add(ByteBufUtil.getBytes(frame.content()));
    } else if (frame instanceof CloseWebSocketFrame) {
      // the session handler records the peer's reason before the connection goes
      out.add(frame.retain());
    } else {
      ctx.channel()
          .writeAndFlush(
              new CloseWebSocketFrame(
                  new WebSocketCloseStatus(
                      WebSocketCloseStatus.INVALID_MESSAGE_TYPE.code(),
                      "binary frames only, got " + frame.getClass().getSimpleName())))
          .addListener(ChannelFutureListener.CLOSE);
    }
  }
}
