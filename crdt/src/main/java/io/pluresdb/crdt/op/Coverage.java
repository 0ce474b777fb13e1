package io.pluresdb.crdt.op;

import io.pluresdb.crdt.clock.OpId;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The transactions a set of row states stands for: per writing node, its last transaction and that
 * transaction's last operation id (the node's entry in the version vector). A receiver that merged
 * every row state of a snapshot holds what these transactions wrote, so it counts them as held and
 * asks only for the log after them. The writers' pinned keys come along: a node's first
 * transaction, which pins its key, may be among those covered, and its later ones are checked
 * against that key.
 *
 * @param held one entry per writing node
 * @param keys the writers' pinned keys
 */
public record Coverage(List<Held> held, List<Key> keys) {
  public Coverage {
    held = List.copyOf(held);
    keys = List.copyOf(keys);
  }

  /**
   * A writer's pinned key.
   *
   * @param node the writer's 48-bit id
   * @param publicKey its public key, or null for a retired legacy id
   * @param retiredAfter for a retired legacy id, its last transaction it may have written unsigned
   */
  public record Key(long node, byte @Nullable [] publicKey, @Nullable OpId retiredAfter) {
    @Override
    public boolean equals(Object o) {
      return o instanceof Key k
          && node == k.node
          && java.util.Arrays.equals(publicKey, k.publicKey)
          && java.util.Objects.equals(retiredAfter, k.retiredAfter);
    }

    @Override
    public int hashCode() {
      return Long.hashCode(node) * 31 + java.util.Arrays.hashCode(publicKey);
    }
  }

  /**
   * One node's entry.
   *
   * @param tx the node's last transaction covered
   * @param last that transaction's last operation id
   */
  public record Held(OpId tx, OpId last) {}

  /** The version vector these entries describe. */
  public VersionVector versionVector() {
    java.util.Map<Long, OpId> last = new java.util.HashMap<>();
    for (Held h : held) {
      last.put(h.tx().node(), h.tx());
    }
    return new VersionVector(last);
  }
}
