package io.pluresdb.sync.netty;

import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The first handler of every accepted connection: counts it against the listener's {@link
 * Admission} bounds and closes it at once when it is one too many. Shared by all connections of one
 * listener.
 *
 * <p>Thread-safe: connections of several event loops update the counters, which are atomic; an
 * address's counter is removed when its last connection closes.
 */
@ChannelHandler.Sharable
final class AdmissionControl extends ChannelInboundHandlerAdapter {
  private static final Logger LOG = LoggerFactory.getLogger(AdmissionControl.class);

  private final Admission admission;
  private final AtomicInteger open = new AtomicInteger();
  private final AtomicInteger refused = new AtomicInteger(); // counted in open until they close
  private final ConcurrentHashMap<InetAddress, AtomicInteger> byAddress = new ConcurrentHashMap<>();

  AdmissionControl(Admission admission) {
    this.admission = admission;
  }

  @Override
  public void channelActive(ChannelHandlerContext ctx) throws Exception {
    InetAddress from = address(ctx.channel().remoteAddress());
    int all = open.incrementAndGet();
    int fromThere =
        from == null
            ? 0
            : byAddress.computeIfAbsent(from, a -> new AtomicInteger()).incrementAndGet();
    if (all > admission.maxConnections() || fromThere > admission.maxConnectionsPerAddress()) {
      refused.incrementAndGet();
      LOG.warn(
          "refused a connection from {}: {} open in all (at most {}), {} from there (at most {})",
          from,
          all,
          admission.maxConnections(),
          fromThere,
          admission.maxConnectionsPerAddress());
      ctx.channel().closeFuture().addListener(f -> release(from, true));
      ctx.close();
      return;
    }
    ctx.channel().closeFuture().addListener(f -> release(from, false));
    super.channelActive(ctx);
  }

  /** Connections accepted and open now, not counting those being refused. */
  int open() {
    return open.get() - refused.get();
  }

  private void release(InetAddress from, boolean wasRefused) {
    if (wasRefused) {
      refused.decrementAndGet();
    }
    open.decrementAndGet();
    if (from != null) {
      byAddress.computeIfPresent(from, (a, n) -> n.decrementAndGet() == 0 ? null : n);
    }
  }

  private static InetAddress address(SocketAddress remote) {
    return remote instanceof InetSocketAddress a ? a.getAddress() : null;
  }
}
