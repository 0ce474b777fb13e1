package io.pluresdb.crdt.text;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The elements of a document in document order, tombstones included, in chunks that count their
 * visible elements: finding the n-th visible character and inserting beside a known element cost
 * about the square root of the document's length rather than its length.
 *
 * <p>Not thread-safe: owned by its document.
 */
final class ElemList {
  private static final int MAX = 1024;

  /** A run of consecutive elements. */
  static final class Chunk {
    final ArrayList<Elem> items;
    int visible;

    Chunk(ArrayList<Elem> items) {
      this.items = items;
    }
  }

  private final ArrayList<Chunk> chunks = new ArrayList<>();
  private int visible;

  ElemList(Elem first) {
    Chunk c = new Chunk(new ArrayList<>());
    chunks.add(c);
    c.items.add(first);
    first.chunk = c;
    if (!first.deleted) {
      c.visible++;
      visible++;
    }
  }

  /** The number of visible (not deleted) elements. */
  int visible() {
    return visible;
  }

  /** The visible element at {@code pos} (0-based). */
  Elem visibleAt(int pos) {
    int p = pos;
    for (Chunk c : chunks) {
      if (p < c.visible) {
        for (Elem e : c.items) {
          if (!e.deleted && p-- == 0) {
            return e;
          }
        }
      }
      p -= c.visible;
    }
    throw new IndexOutOfBoundsException("position " + pos + " of " + visible);
  }

  /** The element after {@code e}, or null at the end. */
  @Nullable Elem next(Elem e) {
    Chunk c = chunkOf(e);
    int i = c.items.indexOf(e);
    if (i + 1 < c.items.size()) {
      return c.items.get(i + 1);
    }
    int ci = chunks.indexOf(c);
    return ci + 1 < chunks.size() ? chunks.get(ci + 1).items.get(0) : null;
  }

  void insertAfter(Elem anchor, List<Elem> run) {
    Chunk c = chunkOf(anchor);
    insert(c, c.items.indexOf(anchor) + 1, run);
  }

  void insertBefore(Elem anchor, List<Elem> run) {
    Chunk c = chunkOf(anchor);
    insert(c, c.items.indexOf(anchor), run);
  }

  void delete(Elem e) {
    if (!e.deleted) {
      e.deleted = true;
      chunkOf(e).visible--;
      visible--;
    }
  }

  /** The visible characters in order. */
  String text() {
    StringBuilder b = new StringBuilder(visible);
    for (Chunk c : chunks) {
      if (c.visible > 0) {
        for (Elem e : c.items) {
          if (!e.deleted) {
            b.append(e.ch);
          }
        }
      }
    }
    return b.toString();
  }

  private static Chunk chunkOf(Elem e) {
    Chunk c = e.chunk;
    if (c == null) {
      throw new IllegalStateException("element not in the list");
    }
    return c;
  }

  private void insert(Chunk c, int at, List<Elem> run) {
    c.items.addAll(at, run);
    for (Elem e : run) {
      e.chunk = c;
      if (!e.deleted) {
        c.visible++;
        visible++;
      }
    }
    if (c.items.size() > 2 * MAX) {
      split(c);
    }
  }

  private void split(Chunk c) {
    int ci = chunks.indexOf(c);
    int size = c.items.size();
    for (int from = MAX; from < size; from += MAX) {
      List<Elem> part = c.items.subList(from, Math.min(size, from + MAX));
      Chunk n = new Chunk(new ArrayList<>(part));
      for (Elem e : n.items) {
        e.chunk = n;
        if (!e.deleted) {
          n.visible++;
          c.visible--;
        }
      }
      chunks.add(++ci, n);
    }
    c.items.subList(MAX, size).clear();
    c.items.trimToSize();
  }
}
