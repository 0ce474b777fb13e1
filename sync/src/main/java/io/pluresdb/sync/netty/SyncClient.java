package io.pluresdb.sync.netty;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolConfig;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolHandler;
import io.netty.handler.codec.http.websocketx.WebSocketFrameAggregator;
import io.netty.handler.ssl.SslContext;
import java.net.URI;

/**
 * Connects to a peer's {@code ws://} or {@code wss://} URL. Pipeline: TLS for {@code wss://}, HTTP,
 * the WebSocket handshake and frame decoding, message aggregation, {@link FrameCodec}, {@link
 * SessionHandler}.
 */
public final class SyncClient {
  private static final int MAX_HTTP_RESPONSE_BYTES = 64 << 10;
  private static final int CONNECT_TIMEOUT_MILLIS = 10_000;
  private static final int HANDSHAKE_TIMEOUT_MILLIS = 10_000;

  private SyncClient() {}

  /** Checks a peer URL: {@code ws://host:port[/path]} or {@code wss://...}. */
  public static URI parse(String url) {
    URI uri = URI.create(url.trim());
    String scheme = uri.getScheme();
    if (scheme == null
        || !(scheme.equalsIgnoreCase("ws") || scheme.equalsIgnoreCase("wss"))
        || uri.getHost() == null) {
      throw new IllegalArgumentException(
          "peer URL '" + url + "' must be ws://host:port or wss://host:port");
    }
    return uri;
  }

  /**
   * Starts connecting; the returned future completes when the TCP connection is up (the link opens
   * later, when the handshake completes). The channel's close future tells when it ends.
   */
  public static ChannelFuture connect(
      EventLoopGroup group, URI uri, TlsSettings tls, Limits limits, LinkOpener opener) {
    boolean secure = uri.getScheme().equalsIgnoreCase("wss");
    int port = uri.getPort() > 0 ? uri.getPort() : (secure ? 443 : 80);
    SslContext ssl = secure ? tls.clientContext() : null;
    WebSocketClientProtocolConfig ws =
        WebSocketClientProtocolConfig.newBuilder()
            .webSocketUri(uri)
            .maxFramePayloadLength(limits.maxFrameBytes())
            .handleCloseFrames(false)
            .dropPongFrames(true)
            .handshakeTimeoutMillis(HANDSHAKE_TIMEOUT_MILLIS)
            .build();
    Bootstrap b =
        new Bootstrap()
            .group(group)
            .channel(NioSocketChannel.class)
            .option(ChannelOption.TCP_NODELAY, true)
            .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, CONNECT_TIMEOUT_MILLIS)
            .option(ChannelOption.WRITE_BUFFER_WATER_MARK, SyncServer.WATER_MARK)
            .handler(
                new ChannelInitializer<SocketChannel>() {
                  @Override
                  protected void initChannel(SocketChannel ch) {
                    ChannelPipeline p = ch.pipeline();
                    if (ssl != null) {
                      p.addLast(ssl.newHandler(ch.alloc(), uri.getHost(), port));
                    }
                    p.addLast(new HttpClientCodec());
                    p.addLast(new HttpObjectAggregator(MAX_HTTP_RESPONSE_BYTES));
                    p.addLast(new WebSocketClientProtocolHandler(ws));
                    p.addLast(new WebSocketFrameAggregator(limits.maxMessageBytes()));
                    p.addLast(FrameCodec.INSTANCE);
                    p.addLast(new SessionHandler(opener));
                  }
                });
    return b.connect(uri.getHost(), port);
  }
}
