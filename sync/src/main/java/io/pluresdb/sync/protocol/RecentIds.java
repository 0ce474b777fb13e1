package io.pluresdb.sync.protocol;

import io.pluresdb.crdt.clock.OpId;
import io.pluresdb.crdt.store.Store;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * The ids of the most recent notifications seen, so that each is relayed across a session at most
 * once (never echoed back to the peer that sent it) and delivered on a node at most once, however
 * many sessions bring it through a mesh. The memory is bounded: after {@link #CAPACITY} newer ids
 * an old one is forgotten, which is safe because relays reach every node within moments.
 *
 * <p>Thread-safe (monitor): one instance per node is shared by all its sessions, see {@link
 * #deliveredOn}.
 */
final class RecentIds {
  static final int CAPACITY = 4096;

  /**
   * One set per store, whoever builds the sessions' configs: sessions of one node must agree on
   * what was delivered there. Weak keys, so a closed and dropped store takes its set along.
   */
  private static final Map<Store, RecentIds> DELIVERED = new WeakHashMap<>();

  private final Map<OpId, Boolean> seen =
      new LinkedHashMap<>(64, 0.75f, false) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<OpId, Boolean> eldest) {
          return size() > CAPACITY;
        }
      };

  /** The notifications delivered on {@code store}'s node by any session. */
  static RecentIds deliveredOn(Store store) {
    synchronized (DELIVERED) {
      return DELIVERED.computeIfAbsent(store, s -> new RecentIds());
    }
  }

  /** True the first time {@code id} is seen (and remembers it). */
  synchronized boolean firstSight(OpId id) {
    return seen.put(id, Boolean.TRUE) == null;
  }
}
