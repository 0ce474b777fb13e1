package io.pluresdb.sync.protocol;

import io.pluresdb.crdt.clock.OpId;
import io.pluresdb.crdt.op.VersionVector;
import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What a peer holds, as its session learns it transaction by transaction: a version vector kept in
 * place. Each transaction sent to a hub's every session moves each session's vector, so an
 * immutable {@link VersionVector} merged at every transaction would copy a map per transaction per
 * session; this one copies only when a {@link #snapshot} is asked for after a change.
 *
 * <p>Not thread-safe: owned by one session's streamer.
 */
final class HeldVector {
  private final Map<Long, OpId> last;
  private @Nullable VersionVector snapshot;

  HeldVector(VersionVector start) {
    this.last = new HashMap<>(start.last());
    this.snapshot = start;
  }

  /** True when the peer holds the transaction {@code txId}. */
  boolean covers(OpId txId) {
    OpId l = last.get(txId.node());
    return l != null && txId.compareTo(l) <= 0;
  }

  /** The peer holds {@code txId} (and so every earlier transaction of its node). */
  void add(OpId txId) {
    if (!covers(txId)) {
      last.put(txId.node(), txId);
      snapshot = null;
    }
  }

  /** The vector as it stands, immutable. */
  VersionVector snapshot() {
    VersionVector s = snapshot;
    if (s == null) {
      s = new VersionVector(last);
      snapshot = s;
    }
    return s;
  }
}
