package io.pluresdb.crdt.op;

import io.pluresdb.crdt.clock.OpId;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a node holds: for each writing node, the id of the last of its transactions applied here.
 * Because each node's transactions are chained ({@link Transaction#prev()}) and applied in order, a
 * node holds every transaction of node {@code n} whose id is at most {@code last(n)}; so two nodes
 * exchanging version vectors know exactly which transactions the other lacks.
 *
 * @param last node (48-bit id) → id of its last transaction held
 */
public record VersionVector(Map<Long, OpId> last) {
  public VersionVector {
    last = Map.copyOf(last);
  }

  public static VersionVector empty() {
    return new VersionVector(Map.of());
  }

  /** True when the transaction with id {@code txId} is held by the node this vector describes. */
  public boolean covers(OpId txId) {
    OpId l = last.get(txId.node());
    return l != null && txId.compareTo(l) <= 0;
  }

  /** The last transaction held of {@code node}, or null when none. */
  public OpId lastOf(long node) {
    return last.get(node);
  }

  /** True when this vector covers every transaction {@code other} covers. */
  public boolean dominates(VersionVector other) {
    for (Map.Entry<Long, OpId> e : other.last.entrySet()) {
      if (!covers(e.getValue())) {
        return false;
      }
    }
    return true;
  }

  /**
   * The vector as text: each node's last transaction id in its ULID form (which names its node),
   * comma-separated in node order; empty for the empty vector. {@link #parse} reads it back.
   */
  public String toText() {
    StringBuilder b = new StringBuilder();
    for (OpId id : new TreeMap<>(last).values()) {
      b.append(b.isEmpty() ? "" : ",").append(id);
    }
    return b.toString();
  }

  /** Reads {@link #toText}'s form; malformed text fails with IllegalArgumentException. */
  public static VersionVector parse(String text) {
    Map<Long, OpId> out = new TreeMap<>();
    for (String part : text.split(",")) {
      if (!part.isBlank()) {
        OpId id = OpId.parse(part.trim());
        if (out.put(id.node(), id) != null) {
          throw new IllegalArgumentException("version vector names a node twice: " + text);
        }
      }
    }
    return new VersionVector(out);
  }

  /** The entry-wise maximum of the two vectors. */
  public VersionVector merge(VersionVector other) {
    Map<Long, OpId> out = new TreeMap<>(last);
    other.last.forEach((n, id) -> out.merge(n, id, (a, b) -> a.compareTo(b) >= 0 ? a : b));
    return new VersionVector(out);
  }
}
