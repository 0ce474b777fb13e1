package io.pluresdb.sync.protocol;

import io.pluresdb.crdt.clock.OpId;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The ids of the most recent notifications seen, so that each is relayed across a session at most
 * once (never echoed back to the peer that sent it) and delivered on a node at most once, however
 * many sessions bring it through a mesh. The memory is bounded: after {@link #CAPACITY} newer ids
 * an old one is forgotten, which is safe because relays reach every node within moments.
 *
 * <p>Thread-safe (monitor): each session keeps one for what it relayed, and the node's {@link
 * NodeMemory} keeps one shared by all its sessions for what was delivered.
 */
final class RecentIds {
  static final int CAPACITY = 4096;

  private final Map<OpId, Boolean> seen =
      new LinkedHashMap<>(64, 0.75f, false) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<OpId, Boolean> eldest) {
          return size() > CAPACITY;
        }
      };

  /** True the first time {@code id} is seen (and remembers it). */
  synchronized boolean firstSight(OpId id) {
    return seen.put(id, Boolean.TRUE) == null;
  }
}
