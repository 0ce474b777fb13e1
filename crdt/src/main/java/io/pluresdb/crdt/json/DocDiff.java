package io.pluresdb.crdt.json;

import io.pluresdb.crdt.clock.OpId;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The edit that turns a document's value into another, as a fragment of state whose registers are
 * all written at one operation's id: members added, changed (recursively when both sides are
 * objects or both arrays) or removed; array elements kept where equal (common prefix, suffix and a
 * longest common subsequence), changed in place where one replaced another, removed, or inserted by
 * Fugue's rule (the right child of the element before, or when that one has right children, the
 * left child of the element after it), so that concurrent appends both survive in a fixed order.
 *
 * <p>Not thread-safe: one per edit.
 */
final class DocDiff {
  /** Beyond this many cells the middle of two arrays is matched by position only. */
  private static final long LCS_CELLS = 1L << 20;

  private final OpId at;
  private final long author;
  private int nextSeq;

  DocDiff(OpId at, int nextSeq) {
    this(at, at.node(), nextSeq);
  }

  private DocDiff(OpId at, long author, int nextSeq) {
    this.at = at;
    this.author = author;
    this.nextSeq = nextSeq;
  }

  /**
   * A diff that replaces the whole value as of {@code at}. Every node applying that operation must
   * give its elements the same ids whatever it holds, so they are numbered from 0 under an author
   * made from the operation's id: its top bit set, it is never a node's 48-bit id.
   */
  static DocDiff replacing(OpId at) {
    long h = at.hi() * 0x9E3779B97F4A7C15L ^ at.lo();
    h = (h ^ h >>> 33) * 0xFF51AFD7ED558CCDL;
    return new DocDiff(at, h ^ h >>> 29 | Long.MIN_VALUE, 0);
  }

  /** The sequence number after the last element this diff inserted. */
  int nextSeq() {
    return nextSeq;
  }

  /** The fragment turning {@code old} (rendered from {@code state}) into {@code neu}. */
  DocNode diff(DocNode state, Json.@Nullable Value old, Json.@Nullable Value neu) {
    DocNode frag = new DocNode();
    at(state, frag, old, neu, null);
    return frag;
  }

  /** A fragment that replaces the whole document by {@code v}, hiding all before it. */
  DocNode replace(Json.@Nullable Value v) {
    DocNode frag = new DocNode();
    if (v == null) {
      frag.set(at, DocNode.ABSENT, null);
      frag.cut(at);
    } else {
      write(frag, v, true);
    }
    return frag;
  }

  private void at(
      @Nullable DocNode s,
      DocNode f,
      Json.@Nullable Value old,
      Json.@Nullable Value neu,
      @Nullable OpId above) {
    if (neu == null) {
      if (old != null) {
        f.set(at, DocNode.ABSENT, null);
        f.cut(at);
      }
    } else if (old == null || s == null) {
      write(f, neu, false);
    } else if (old instanceof Json.Obj o && neu instanceof Json.Obj n) {
      marker(s, f, DocNode.OBJECT, above);
      objects(s, f, o, n, DocNode.below(s, above));
    } else if (old instanceof Json.Arr o && neu instanceof Json.Arr n) {
      marker(s, f, DocNode.ARRAY, above);
      arrays(s, f, o, n, DocNode.below(s, above));
    } else if (!old.equals(neu)) {
      write(f, neu, true);
    }
  }

  /** Writes the container's kind when the state does not show it as one already. */
  private void marker(DocNode s, DocNode f, byte kind, @Nullable OpId above) {
    boolean seen = s.clock != null && (above == null || s.clock.compareTo(above) >= 0);
    if (!seen || s.kind != kind) {
      f.set(at, kind, null);
    }
  }

  private void write(DocNode f, Json.Value v, boolean fresh) {
    if (v instanceof Json.Scalar sc) {
      f.set(at, DocNode.SCALAR, sc.raw());
      f.cut(at);
      return;
    }
    if (fresh) {
      f.cut(at);
    }
    if (v instanceof Json.Obj o) {
      f.set(at, DocNode.OBJECT, null);
      int i = 0;
      for (Map.Entry<String, Json.Value> e : o.members().entrySet()) {
        DocNode k = f.kid(new Seg.Key(e.getKey()));
        k.born(at, i++);
        write(k, e.getValue(), false);
      }
    } else if (v instanceof Json.Arr a) {
      f.set(at, DocNode.ARRAY, null);
      insertRun(f, null, a.items());
    }
  }

  private void objects(DocNode s, DocNode f, Json.Obj old, Json.Obj neu, @Nullable OpId above) {
    for (String k : old.members().keySet()) {
      if (!neu.members().containsKey(k)) {
        DocNode kf = f.kid(new Seg.Key(k));
        kf.set(at, DocNode.ABSENT, null);
        kf.cut(at);
      }
    }
    int i = 0;
    for (Map.Entry<String, Json.Value> e : neu.members().entrySet()) {
      Seg key = new Seg.Key(e.getKey());
      Json.Value was = old.members().get(e.getKey());
      if (was == null) {
        DocNode kf = f.kid(key);
        kf.born(at, i);
        write(kf, e.getValue(), false);
      } else if (!was.equals(e.getValue())) {
        at(kidOf(s, key), f.kid(key), was, e.getValue(), above);
      }
      i++;
    }
  }

  private void arrays(DocNode s, DocNode f, Json.Arr old, Json.Arr neu, @Nullable OpId above) {
    List<Seg.Elem> ids = old.ids();
    if (ids == null) {
      throw new IllegalStateException("an array not rendered from the document");
    }
    List<Json.Value> o = old.items();
    List<Json.Value> n = neu.items();
    int pre = 0;
    while (pre < o.size() && pre < n.size() && o.get(pre).equals(n.get(pre))) {
      pre++;
    }
    int suf = 0;
    while (suf < o.size() - pre
        && suf < n.size() - pre
        && o.get(o.size() - 1 - suf).equals(n.get(n.size() - 1 - suf))) {
      suf++;
    }
    int[][] anchors = Lcs.anchors(o, n, pre, o.size() - suf, pre, n.size() - suf, LCS_CELLS);
    Fugue fugue = new Fugue(s);
    int oi = pre;
    int ni = pre;
    Seg.Elem left = pre == 0 ? null : ids.get(pre - 1);
    for (int[] anchor : anchors) {
      left = gap(s, f, fugue, ids, o, n, oi, anchor[0], ni, anchor[1], left, above);
      oi = anchor[0] + 1;
      ni = anchor[1] + 1;
      left = ids.get(anchor[0]);
    }
    gap(s, f, fugue, ids, o, n, oi, o.size() - suf, ni, n.size() - suf, left, above);
  }

  /**
   * One stretch between kept elements: old {@code [oi, oe)} becomes new {@code [ni, ne)}; returns
   * the element now last on its left.
   */
  private Seg.@Nullable Elem gap(
      DocNode s,
      DocNode f,
      Fugue fugue,
      List<Seg.Elem> ids,
      List<Json.Value> o,
      List<Json.Value> n,
      int oi,
      int oe,
      int ni,
      int ne,
      Seg.@Nullable Elem left,
      @Nullable OpId above) {
    int paired = Math.min(oe - oi, ne - ni);
    Seg.Elem last = left;
    for (int k = 0; k < paired; k++) {
      Seg.Elem id = ids.get(oi + k);
      at(kidOf(s, id), f.kid(id), o.get(oi + k), n.get(ni + k), above);
      last = id;
    }
    for (int k = oi + paired; k < oe; k++) {
      DocNode ef = f.kid(ids.get(k));
      ef.set(at, DocNode.ABSENT, null);
      ef.cut(at);
    }
    if (ni + paired < ne) {
      DocNode.Place first = fugue.placeAfter(last);
      last = insertRun(f, first, n.subList(ni + paired, ne));
    }
    return last;
  }

  /** Inserts new elements, the first at {@code first} (null: the start), each next after it. */
  private Seg.@Nullable Elem insertRun(
      DocNode f, DocNode.@Nullable Place first, List<Json.Value> items) {
    DocNode.Place place = first == null ? new DocNode.Place(null, false) : first;
    Seg.Elem last = null;
    for (Json.Value v : items) {
      Seg.Elem e = new Seg.Elem(author, nextSeq++);
      DocNode ef = f.kid(e);
      ef.place = place;
      write(ef, v, false);
      place = new DocNode.Place(e, false);
      last = e;
    }
    return last;
  }

  private static @Nullable DocNode kidOf(DocNode s, Seg seg) {
    return s.kids == null ? null : s.kids.get(seg);
  }

  /** Fugue's placement over an array's current tree. */
  private static final class Fugue {
    private final List<Seg.Elem> order;
    private final Set<Seg.@Nullable Elem> hasRights = new HashSet<>();

    Fugue(DocNode array) {
      order = DocRender.order(array);
      if (array.kids != null) {
        for (DocNode k : array.kids.values()) {
          if (k.place != null && !k.place.left()) {
            hasRights.add(k.place.parent());
          }
        }
      }
    }

    /** Where an element inserted just after {@code left} (null: at the start) goes. */
    DocNode.Place placeAfter(Seg.@Nullable Elem left) {
      if (!hasRights.contains(left)) {
        return new DocNode.Place(left, false);
      }
      int i = left == null ? 0 : order.indexOf(left) + 1;
      return i < order.size()
          ? new DocNode.Place(order.get(i), true)
          : new DocNode.Place(left, false);
    }
  }
}
