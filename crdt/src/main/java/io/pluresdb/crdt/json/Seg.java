package io.pluresdb.crdt.json;

/** One step of a path in a document: an object's key or an array's element. */
sealed interface Seg permits Seg.Key, Seg.Elem {

  /** A member of an object. */
  record Key(String name) implements Seg {}

  /**
   * An element of an array, by id: the node that inserted it and that node's sequence number in
   * this document.
   */
  record Elem(long node, int seq) implements Seg {
    /** Sibling order in the Fugue tree: by node, then sequence number. */
    boolean before(Elem o) {
      return node != o.node ? node < o.node : seq < o.seq;
    }
  }
}
