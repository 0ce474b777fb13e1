package io.pluresdb.crdt.store;

import io.pluresdb.crdt.clock.OpId;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The node keys this store has pinned, in memory, so that signatures are checked without the
 * writer: a node id maps to its pinned public key, or (for a legacy id retired by its node's
 * upgrade) to the last transaction it may have written unsigned. The table {@code _pl_keys} holds
 * the same; a pin enters this cache only after the SQLite transaction that wrote it committed.
 *
 * <p>Thread-safe: read by any session, added to only while the writer permit is held.
 */
final class KeyPins {
  /**
   * What is pinned for one node id: exactly one of the two is set.
   *
   * @param key the node's raw Ed25519 public key: only it may sign for the node, and the node's
   *     unsigned records are refused
   * @param retiredAfter for a legacy node id: its last transaction; its unsigned records after it
   *     are refused, and no key may claim it
   */
  record Pin(byte[] key, OpId retiredAfter) {
    static Pin key(byte[] key) {
      return new Pin(key, null);
    }

    static Pin retired(OpId last) {
      return new Pin(null, last);
    }

    boolean sameAs(Pin other) {
      return Arrays.equals(key, other.key)
          && (retiredAfter == null
              ? other.retiredAfter == null
              : retiredAfter.equals(other.retiredAfter));
    }
  }

  private final Map<Long, Pin> pins = new ConcurrentHashMap<>();

  KeyPins(Map<Long, Pin> loaded) {
    pins.putAll(loaded);
  }

  /** The pin of {@code node}, or null. */
  Pin get(long node) {
    return pins.get(node);
  }

  /** Adds pins whose SQLite transaction committed; called with the writer permit held. */
  void addAll(Map<Long, Pin> committed) {
    pins.putAll(committed);
  }
}
