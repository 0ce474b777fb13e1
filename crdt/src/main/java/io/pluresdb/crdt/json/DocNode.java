package io.pluresdb.crdt.json;

import io.pluresdb.crdt.clock.OpId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One path of a document and its merge state, each part a join semilattice, so that merging two
 * states (or a state and an edit, which is a state whose clocks are all one operation's id) gives
 * the same result in any order and with any duplication:
 *
 * <ul>
 *   <li>the value register ({@code kind}, {@code raw}) written at {@code clock}: last writer wins
 *       by operation id;
 *   <li>the cut: the greatest id of a write that replaced or removed the value here; it hides every
 *       write below this path with a smaller id (see {@link DocRender});
 *   <li>the key's birth (the first write of an object member, with its place in that write), which
 *       orders an object's members;
 *   <li>an array element's place in its array's Fugue tree, fixed when it is inserted.
 * </ul>
 *
 * <p>Not thread-safe: owned by its document.
 */
final class DocNode {
  static final byte NONE = -1;
  static final byte ABSENT = 0;
  static final byte SCALAR = 1;
  static final byte OBJECT = 2;
  static final byte ARRAY = 3;

  /** An element's place: the left or right child of {@code parent} (null: the array's start). */
  record Place(Seg.@Nullable Elem parent, boolean left) {}

  byte kind = NONE;
  @Nullable String raw;
  @Nullable OpId clock;
  @Nullable OpId cut;
  @Nullable OpId born;
  int bornAt;
  @Nullable Place place;
  @Nullable Map<Seg, DocNode> kids;

  DocNode kid(Seg s) {
    if (kids == null) {
      kids = new LinkedHashMap<>();
    }
    return kids.computeIfAbsent(s, k -> new DocNode());
  }

  /** Sets the value register if {@code at} is newer than it. */
  void set(OpId at, byte k, @Nullable String r) {
    if (clock == null || newer(at, k, r)) {
      clock = at;
      kind = k;
      raw = r;
    }
  }

  /** Raises the cut to {@code at}. */
  void cut(OpId at) {
    if (after(at, cut)) {
      cut = at;
    }
  }

  /** Offers a birth: the earliest stays. */
  void born(OpId at, int index) {
    if (born == null || born.compareTo(at) > 0 || (born.equals(at) && index < bornAt)) {
      born = at;
      bornAt = index;
    }
  }

  /** Whether {@code a} is greater than {@code b}; null is smaller than every id. */
  static boolean after(OpId a, @Nullable OpId b) {
    return b == null || a.compareTo(b) > 0;
  }

  /** The cut below {@code n}: the greater of its own and {@code above}. */
  static @Nullable OpId below(DocNode n, @Nullable OpId above) {
    return n.cut != null && after(n.cut, above) ? n.cut : above;
  }

  /** Merges {@code o} into this node and its subtree into this subtree. */
  void join(DocNode o) {
    if (o.clock != null) {
      set(o.clock, o.kind, o.raw);
    }
    if (o.cut != null) {
      cut(o.cut);
    }
    if (o.born != null) {
      born(o.born, o.bornAt);
    }
    if (place == null) {
      place = o.place;
    }
    if (o.kids != null) {
      for (Map.Entry<Seg, DocNode> e : o.kids.entrySet()) {
        kid(e.getKey()).join(e.getValue());
      }
    }
  }

  /**
   * Whether a write ({@code at}, {@code k}, {@code r}) beats the register's: a greater id, or for
   * one id (which writes one value) a fixed order, so that even a malformed pair converges.
   */
  private boolean newer(OpId at, byte k, @Nullable String r) {
    int c = at.compareTo(Objects.requireNonNull(clock));
    if (c != 0) {
      return c > 0;
    }
    if (k != kind) {
      return k > kind;
    }
    return r != null && (raw == null || r.compareTo(raw) > 0);
  }
}
