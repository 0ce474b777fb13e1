package io.pluresdb.bench;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;
import io.netty.util.ReferenceCountUtil;
import io.pluresdb.sync.protocol.MessageCodec;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The fan-out baseline: a bare Netty WebSocket server that writes one batch frame per transaction
 * to every connected channel, the record encoded once into a shared direct buffer and each frame a
 * per-channel head before a duplicate of it, as the hub does, but with no store, no session and no
 * acknowledgements read (they are dropped).
 */
final class NettyFanOut implements AutoCloseable {
  private final Channel server;
  private final List<Channel> channels = new CopyOnWriteArrayList<>();
  private long seqNo;

  NettyFanOut(EventLoopGroup group) throws InterruptedException {
    server =
        new ServerBootstrap()
            .group(group)
            .channel(NioServerSocketChannel.class)
            .childOption(ChannelOption.TCP_NODELAY, true)
            .childHandler(
                new ChannelInitializer<SocketChannel>() {
                  @Override
                  protected void initChannel(SocketChannel ch) {
                    ch.pipeline()
                        .addLast(new HttpServerCodec())
                        .addLast(new HttpObjectAggregator(64 << 10))
                        .addLast(new WebSocketServerProtocolHandler("/", null, false, 16 << 20))
                        .addLast(
                            new ChannelInboundHandlerAdapter() {
                              @Override
                              public void userEventTriggered(ChannelHandlerContext ctx, Object e) {
                                if (e instanceof WebSocketServerProtocolHandler.HandshakeComplete) {
                                  channels.add(ctx.channel());
                                }
                              }

                              @Override
                              public void channelRead(ChannelHandlerContext ctx, Object msg) {
                                ReferenceCountUtil.release(msg);
                              }
                            });
                  }
                })
            .bind(new InetSocketAddress("127.0.0.1", 0))
            .sync()
            .channel();
  }

  int port() {
    return ((InetSocketAddress) server.localAddress()).getPort();
  }

  int connected() {
    return channels.size();
  }

  /** One transaction's frame to every channel. */
  void send(byte[] record) {
    ByteBuf field =
        PooledByteBufAllocator.DEFAULT.directBuffer(MessageCodec.recordFieldLength(record));
    field.writeBytes(MessageCodec.recordField(record));
    try {
      byte[] head = MessageCodec.batchHead(++seqNo, 1);
      for (Channel ch : channels) {
        ch.writeAndFlush(
            new BinaryWebSocketFrame(
                Unpooled.wrappedBuffer(Unpooled.wrappedBuffer(head), field.retainedDuplicate())));
      }
    } finally {
      field.release();
    }
  }

  @Override
  public void close() {
    channels.forEach(Channel::close);
    server.close().syncUninterruptibly();
  }
}
