package io.pluresdb.sync.netty;

import io.netty.channel.Channel;
import org.jspecify.annotations.Nullable;

/**
 * Makes the link (and its session) for a connection whose WebSocket handshake has just completed,
 * or refuses it: null when the opener closed the connection instead (a node at its session limit),
 * and then nothing is made for it. Called on the channel's event loop: it must not block.
 */
@FunctionalInterface
public interface LinkOpener {
  @Nullable SessionLink open(Channel channel);
}
