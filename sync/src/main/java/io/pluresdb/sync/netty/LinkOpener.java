package io.pluresdb.sync.netty;

import io.netty.channel.Channel;

/**
 * Makes the link (and its session) for a connection whose WebSocket handshake has just completed.
 * Called on the channel's event loop: it must not block.
 */
@FunctionalInterface
public interface LinkOpener {
  SessionLink open(Channel channel);
}
