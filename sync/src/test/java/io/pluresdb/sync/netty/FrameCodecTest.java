package io.pluresdb.sync.netty;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import org.junit.jupiter.api.Test;

class FrameCodecTest {
  @Test
  void binaryMessagesBecomeByteArraysAndBack() {
    EmbeddedChannel ch = new EmbeddedChannel(FrameCodec.INSTANCE);
    assertThat(
            ch.writeInbound(new BinaryWebSocketFrame(Unpooled.wrappedBuffer(new byte[] {1, 2, 3}))))
        .isTrue();
    byte[] in = ch.readInbound();
    assertThat(in).containsExactly(1, 2, 3);

    ch.writeOutbound(new byte[] {4, 5});
    BinaryWebSocketFrame out = ch.readOutbound();
    assertThat(ByteBufUtil.getBytes(out.content())).containsExactly(4, 5);
    out.release();
    ch.finishAndReleaseAll();
  }

  @Test
  void aTextMessageClosesTheConnectionWithUnsupportedData() {
    EmbeddedChannel ch = new EmbeddedChannel(FrameCodec.INSTANCE);
    ch.writeInbound(new TextWebSocketFrame("hello"));
    Object passedOn = ch.readInbound();
    assertThat(passedOn).isNull();
    CloseWebSocketFrame close = ch.readOutbound();
    assertThat(close.statusCode()).isEqualTo(1003);
    assertThat(close.reasonText()).contains("binary frames only");
    close.release();
    assertThat(ch.isOpen()).isFalse();
  }

  @Test
  void aCloseFramePassesOnToTheSessionHandler() {
    EmbeddedChannel ch = new EmbeddedChannel(FrameCodec.INSTANCE);
    ch.writeInbound(new CloseWebSocketFrame(4001, "bad token"));
    CloseWebSocketFrame close = ch.readInbound();
    assertThat(close.statusCode()).isEqualTo(4001);
    assertThat(close.reasonText()).isEqualTo("bad token");
    close.release();
  }
}
