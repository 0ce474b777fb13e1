package io.pluresdb.sync.netty;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.websocketx.WebSocketFrameAggregator;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolConfig;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;
import io.netty.handler.ssl.SslContext;
import io.netty.util.concurrent.GlobalEventExecutor;
import io.pluresdb.sync.http.HttpRoutes;
import java.net.InetSocketAddress;

/**
 * The replication listener: accepts WebSocket connections (any path), serves {@code GET /status}
 * and the paths of the mounted {@link HttpRoutes}. Pipeline per connection: TLS when a key store is
 * set, HTTP, the status route, the mounted routes, the WebSocket handshake and frame decoding,
 * message aggregation, {@link FrameCodec}, {@link SessionHandler}.
 *
 * <p>Thread-safe: built once, then only closed.
 */
public final class SyncServer implements AutoCloseable {
  /**
   * Socket writes above this many queued bytes make a channel unwritable (see {@link SessionLink}).
   */
  static final WriteBufferWaterMark WATER_MARK = new WriteBufferWaterMark(256 << 10, 1 << 20);

  private static final int MAX_HTTP_REQUEST_BYTES = 64 << 10;
  private static final int HANDSHAKE_TIMEOUT_MILLIS = 10_000;

  private final Channel serverChannel;
  private final ChannelGroup connections;
  private final AdmissionControl admission;

  private SyncServer(Channel serverChannel, ChannelGroup connections, AdmissionControl admission) {
    this.serverChannel = serverChannel;
    this.connections = connections;
    this.admission = admission;
  }

  /** Connections accepted and open now, sessions or not yet (refused ones are not counted). */
  public int openConnections() {
    return admission.open();
  }

  /** Binds the listener and returns once it accepts connections. */
  public static SyncServer bind(
      EventLoopGroup group,
      InetSocketAddress address,
      TlsSettings tls,
      Limits limits,
      Admission admission,
      StatusRoute status,
      HttpRoutes routes,
      LinkOpener opener)
      throws InterruptedException {
    SslContext ssl = tls.serverEnabled() ? tls.serverContext() : null;
    ChannelGroup connections = new DefaultChannelGroup(GlobalEventExecutor.INSTANCE);
    AdmissionControl admissionControl = new AdmissionControl(admission);
    HttpRouting routing = new HttpRouting(routes);
    WebSocketServerProtocolConfig ws =
        WebSocketServerProtocolConfig.newBuilder()
            .websocketPath("/")
            .checkStartsWith(true)
            .maxFramePayloadLength(limits.maxFrameBytes())
            .handleCloseFrames(false)
            .dropPongFrames(true)
            .handshakeTimeoutMillis(HANDSHAKE_TIMEOUT_MILLIS)
            .build();
    ServerBootstrap b =
        new ServerBootstrap()
            .group(group)
            .channel(NioServerSocketChannel.class)
            .childOption(ChannelOption.TCP_NODELAY, true)
            .childOption(ChannelOption.WRITE_BUFFER_WATER_MARK, WATER_MARK)
            .childHandler(
                new ChannelInitializer<SocketChannel>() {
                  @Override
                  protected void initChannel(SocketChannel ch) {
                    connections.add(ch);
                    ChannelPipeline p = ch.pipeline();
                    p.addLast(admissionControl);
                    if (ssl != null) {
                      p.addLast(ssl.newHandler(ch.alloc()));
                    }
                    p.addLast(new HttpServerCodec());
                    p.addLast(new HttpObjectAggregator(MAX_HTTP_REQUEST_BYTES));
                    p.addLast(status);
                    p.addLast(routing);
                    p.addLast(new WebSocketServerProtocolHandler(ws));
                    // after the upgrade handler, so that it sees the upgrade complete
                    p.addLast(new RequestDeadline(admission.requestDeadline()));
                    p.addLast(new WebSocketFrameAggregator(limits.maxMessageBytes()));
                    p.addLast(FrameCodec.INSTANCE);
                    p.addLast(new SessionHandler(opener));
                  }
                });
    Channel channel = b.bind(address).sync().channel();
    return new SyncServer(channel, connections, admissionControl);
  }

  /** The address the listener is bound to (with the actual port when port 0 was asked). */
  public InetSocketAddress boundAddress() {
    return (InetSocketAddress) serverChannel.localAddress();
  }

  /** Stops accepting and closes every accepted connection. */
  @Override
  public void close() {
    serverChannel.close().awaitUninterruptibly();
    connections.close().awaitUninterruptibly();
  }
}
