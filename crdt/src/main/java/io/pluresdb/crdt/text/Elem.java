package io.pluresdb.crdt.text;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One character of a {@link TextDoc}: its id (the inserting node and that node's sequence number in
 * this document), its place in the Fugue tree (parent and side, children on each side in id order)
 * and whether it was deleted (a tombstone keeps its place so that concurrent edits can refer to
 * it).
 *
 * <p>Not thread-safe: owned by its document.
 */
final class Elem {
  final long node;
  final int seq;
  final char ch;
  final @Nullable Elem parent;
  final boolean left;
  boolean deleted;
  @Nullable List<Elem> lefts;
  @Nullable List<Elem> rights;

  /** The chunk of the document's list that holds this element (see {@link ElemList}). */
  ElemList.@Nullable Chunk chunk;

  Elem(long node, int seq, char ch, @Nullable Elem parent, boolean left) {
    this.node = node;
    this.seq = seq;
    this.ch = ch;
    this.parent = parent;
    this.left = left;
  }

  /** Sibling order: by node, then sequence number. */
  boolean before(Elem o) {
    return node != o.node ? node < o.node : seq < o.seq;
  }

  /** Adds a child on one side in id order; returns its index among that side's children. */
  int addChild(Elem c, boolean onLeft) {
    List<Elem> side = onLeft ? lefts : rights;
    if (side == null) {
      side = new ArrayList<>(1);
      if (onLeft) {
        lefts = side;
      } else {
        rights = side;
      }
    }
    int i = side.size();
    while (i > 0 && c.before(side.get(i - 1))) {
      i--;
    }
    side.add(i, c);
    return i;
  }

  boolean hasRights() {
    return rights != null && !rights.isEmpty();
  }

  /** The last element of this element's subtree in document order (iterative: chains are long). */
  static Elem lastOf(Elem e) {
    Elem x = e;
    while (x.rights != null && !x.rights.isEmpty()) {
      x = x.rights.get(x.rights.size() - 1);
    }
    return x;
  }

  /** The first element of this element's subtree in document order. */
  static Elem firstOf(Elem e) {
    Elem x = e;
    while (x.lefts != null && !x.lefts.isEmpty()) {
      x = x.lefts.get(0);
    }
    return x;
  }
}
