package io.pluresdb.sync.netty;

import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;
import io.pluresdb.sync.protocol.CloseReason;

/** Maps a session's {@link CloseReason} to a WebSocket close status and back. */
final class CloseCodes {
  /** Close reasons are sent in the close frame, whose reason may hold 123 bytes. */
  private static final int MAX_REASON_CHARS = 120;

  private CloseCodes() {}

  static WebSocketCloseStatus status(CloseReason reason) {
    int code =
        switch (reason.code()) {
          case NORMAL -> 1000;
          case MALFORMED -> 1002;
          case TOO_LARGE -> 1009;
          case INTERNAL -> 1011;
          case BUSY -> 1013;
          // application codes (4000-4999): one per refusal, so a peer can tell them apart
          case AUTH_FAILED -> 4001;
          case WRONG_DATABASE -> 4002;
          case UNSUPPORTED_VERSION -> 4003;
          case CLOCK_DRIFT -> 4004;
          case FORBIDDEN -> 4005;
          case TIMEOUT -> 4006;
          case TOO_MANY_PARKED -> 4007;
          case FORGED -> 4008;
        };
    return new WebSocketCloseStatus(code, truncate(reason.message()));
  }

  /** Sends the close frame of {@code reason} after what is already written, then closes. */
  static void close(Channel channel, CloseReason reason) {
    channel
        .writeAndFlush(new CloseWebSocketFrame(status(reason)))
        .addListener(ChannelFutureListener.CLOSE);
  }

  static CloseReason reason(int code, String text) {
    CloseReason.Code c =
        switch (code) {
          case 1000, 1001 -> CloseReason.Code.NORMAL;
          case 1002, 1003, 1007 -> CloseReason.Code.MALFORMED;
          case 1009 -> CloseReason.Code.TOO_LARGE;
          case 1013 -> CloseReason.Code.BUSY;
          case 4001 -> CloseReason.Code.AUTH_FAILED;
          case 4002 -> CloseReason.Code.WRONG_DATABASE;
          case 4003 -> CloseReason.Code.UNSUPPORTED_VERSION;
          case 4004 -> CloseReason.Code.CLOCK_DRIFT;
          case 4005 -> CloseReason.Code.FORBIDDEN;
          case 4006 -> CloseReason.Code.TIMEOUT;
          case 4007 -> CloseReason.Code.TOO_MANY_PARKED;
          case 4008 -> CloseReason.Code.FORGED;
          default -> CloseReason.Code.INTERNAL;
        };
    return new CloseReason(c, text == null || text.isEmpty() ? "closed by peer" : text);
  }

  private static String truncate(String s) {
    String text = s == null || s.isEmpty() ? "closed" : s;
    return text.length() <= MAX_REASON_CHARS ? text : text.substring(0, MAX_REASON_CHARS);
  }
}
