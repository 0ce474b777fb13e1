package io.pluresdb.sync.protocol;

import io.pluresdb.crdt.clock.OpId;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Remembers the ids of the most recent notifications a session has sent or received, so each is
 * relayed across the session at most once (a notification a peer sent is never echoed back to it,
 * and one arriving twice through a mesh is delivered once). The memory is bounded: after {@link
 * #CAPACITY} newer ids an old one is forgotten, which is safe because notification ids grow with
 * the clock and relays reach every node within moments.
 *
 * <p>Not thread-safe: owned by one session.
 */
final class NotifyRelay {
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
  boolean firstSight(OpId id) {
    return seen.put(id, Boolean.TRUE) == null;
  }
}
