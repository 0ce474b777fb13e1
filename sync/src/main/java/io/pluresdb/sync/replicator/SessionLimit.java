package io.pluresdb.sync.replicator;

import io.netty.channel.Channel;
import io.pluresdb.sync.netty.SessionLink;
import io.pluresdb.sync.protocol.CloseReason;
import io.pluresdb.sync.protocol.CloseReason.Code;
import io.pluresdb.sync.protocol.PeerStatus;
import io.pluresdb.sync.protocol.Role;

/** The refusal of a connection beyond the node's session limit: no session is made for it. */
final class SessionLimit {
  private SessionLimit() {}

  /** Closes {@code channel} saying why, and returns the row sys_peers keeps of it. */
  static PeerRow refuse(Channel channel, String address, Role role, int limit) {
    CloseReason busy = new CloseReason(Code.BUSY, "node at its limit of " + limit + " sessions");
    SessionLink.refuse(channel, address, busy);
    return new PeerRow(
        address, new PeerStatus(null, role, PeerStatus.State.CLOSED, null, 0, 0, 0, 0, 0, busy));
  }
}
