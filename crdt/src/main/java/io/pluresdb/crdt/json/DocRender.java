package io.pluresdb.crdt.json;

import io.pluresdb.crdt.clock.OpId;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The plain JSON value of a document state. A write at a path hides what was written below that
 * path before it: a register is seen only if its id is at least every cut above it (see {@link
 * DocNode}). So removing a key and concurrently setting a key inside it resolve by id: if the
 * removal is newer the key is gone; if the nested set is newer the key comes back holding only what
 * was written after the removal. A scalar with newer writes below it likewise becomes the container
 * they describe (an object if any seen member is a key, else an array).
 *
 * <p>Members of an object come in the order they were first written; elements of an array in the
 * in-order walk of their Fugue tree (children of one side in id order).
 *
 * <p>Stateless.
 */
final class DocRender {
  private static final Comparator<Seg.Elem> SIBLINGS =
      Comparator.comparingLong(Seg.Elem::node).thenComparingInt(Seg.Elem::seq);

  private DocRender() {}

  /** The document's value, or null (SQL NULL) when nothing is seen. */
  static Json.@Nullable Value render(DocNode root) {
    return render(root, null);
  }

  private static Json.@Nullable Value render(DocNode n, @Nullable OpId above) {
    boolean seen = n.clock != null && (above == null || n.clock.compareTo(above) >= 0);
    OpId cut = DocNode.below(n, above);
    Map<String, Json.Value> members = members(n, cut);
    Json.Arr elements = members.isEmpty() ? elements(n, cut) : null;
    boolean any = !members.isEmpty() || (elements != null && !elements.items().isEmpty());
    if (seen && n.kind == DocNode.OBJECT) {
      return new Json.Obj(members);
    }
    if (seen && n.kind == DocNode.ARRAY) {
      return elements != null ? elements : new Json.Arr(List.of(), List.of());
    }
    if (any) {
      return members.isEmpty() ? elements : new Json.Obj(members);
    }
    return seen && n.kind == DocNode.SCALAR && n.raw != null ? new Json.Scalar(n.raw) : null;
  }

  private static Map<String, Json.Value> members(DocNode n, @Nullable OpId cut) {
    if (n.kids == null) {
      return Map.of();
    }
    List<Map.Entry<Seg, DocNode>> keys = new ArrayList<>();
    for (Map.Entry<Seg, DocNode> e : n.kids.entrySet()) {
      if (e.getKey() instanceof Seg.Key) {
        keys.add(e);
      }
    }
    if (keys.isEmpty()) {
      return Map.of();
    }
    keys.sort(DocRender::byBirth);
    Map<String, Json.Value> out = new LinkedHashMap<>();
    for (Map.Entry<Seg, DocNode> e : keys) {
      Json.Value v = render(e.getValue(), cut);
      if (v != null) {
        out.put(((Seg.Key) e.getKey()).name(), v);
      }
    }
    return out;
  }

  private static int byBirth(Map.Entry<Seg, DocNode> a, Map.Entry<Seg, DocNode> b) {
    OpId x = a.getValue().born;
    OpId y = b.getValue().born;
    int c = x == null || y == null ? Boolean.compare(x == null, y == null) : x.compareTo(y);
    if (c == 0) {
      c = Integer.compare(a.getValue().bornAt, b.getValue().bornAt);
    }
    return c != 0 ? c : ((Seg.Key) a.getKey()).name().compareTo(((Seg.Key) b.getKey()).name());
  }

  private static Json.@Nullable Arr elements(DocNode n, @Nullable OpId cut) {
    List<Seg.Elem> order = order(n);
    if (order.isEmpty()) {
      return null;
    }
    List<Json.Value> items = new ArrayList<>();
    List<Seg.Elem> ids = new ArrayList<>();
    for (Seg.Elem e : order) {
      Json.Value v = render(n.kid(e), cut);
      if (v != null) {
        items.add(v);
        ids.add(e);
      }
    }
    return new Json.Arr(items, ids);
  }

  /**
   * Every element under {@code n}, removed ones too, in document order: the in-order walk of the
   * Fugue tree. An element whose parent is unknown here counts as a child of the array's start.
   */
  static List<Seg.Elem> order(DocNode n) {
    if (n.kids == null) {
      return List.of();
    }
    Map<Seg.@Nullable Elem, List<Seg.Elem>> lefts = new HashMap<>();
    Map<Seg.@Nullable Elem, List<Seg.Elem>> rights = new HashMap<>();
    for (Map.Entry<Seg, DocNode> e : n.kids.entrySet()) {
      if (e.getKey() instanceof Seg.Elem el) {
        DocNode.Place p = e.getValue().place;
        Seg.Elem parent = p == null ? null : p.parent();
        boolean left = p != null && p.left();
        DocNode pn = parent == null ? null : n.kids.get(parent);
        if (parent != null && (pn == null || pn.place == null)) {
          parent = null;
          left = false;
        }
        (left ? lefts : rights).computeIfAbsent(parent, k -> new ArrayList<>()).add(el);
      }
    }
    lefts.values().forEach(l -> l.sort(SIBLINGS));
    rights.values().forEach(l -> l.sort(SIBLINGS));
    List<Seg.Elem> out = new ArrayList<>();
    // iterative in-order walk: an array appended to one element at a time is one long chain
    Deque<Object> stack = new ArrayDeque<>();
    stack.push(new Visit(null));
    while (!stack.isEmpty()) {
      Object top = stack.pop();
      if (top instanceof Seg.Elem e) {
        out.add(e);
        continue;
      }
      Seg.Elem at = ((Visit) top).elem();
      List<Seg.Elem> r = rights.getOrDefault(at, List.of());
      for (int i = r.size() - 1; i >= 0; i--) {
        stack.push(new Visit(r.get(i)));
      }
      if (at != null) {
        stack.push(at);
      }
      List<Seg.Elem> l = lefts.getOrDefault(at, List.of());
      for (int i = l.size() - 1; i >= 0; i--) {
        stack.push(new Visit(l.get(i)));
      }
    }
    return out;
  }

  private record Visit(Seg.@Nullable Elem elem) {}
}
