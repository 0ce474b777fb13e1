package io.pluresdb.crdt.text;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A collaborative text: the Fugue sequence CRDT of M. Weidner and M. Kleppmann, "The Art of the
 * Fugue: Minimizing Interleaving in Collaborative Text Editing" (2023, arXiv:2305.00583). Every
 * character is a node of a tree, the left or right child of the character it was typed beside; the
 * text is the tree's in-order walk, children of one side in id order. A character typed at a
 * position becomes the right child of the character before it, or, when that one already has right
 * children, the left child of the character after it. Runs typed concurrently at one place thus
 * become sibling subtrees that follow each other whole: they never interleave, forwards or
 * backwards.
 *
 * <p>Edits ({@link TextEdit}) are idempotent and commute; an edit that refers to a character not
 * yet seen waits inside the document until it arrives, so any delivery order converges. Deleted
 * characters stay as tombstones. Positions count UTF-16 units, as {@code String} does.
 *
 * <p>Not thread-safe.
 */
public final class TextDoc {
  private final Elem root = new Elem(0, -1, '\0', null, false);
  private final ElemList list;
  private final Map<Long, ArrayList<@Nullable Elem>> byNode = new HashMap<>();
  private final List<Waiting> waiting = new ArrayList<>();

  private record Waiting(long author, TextEdit.Part part) {}

  public TextDoc() {
    root.deleted = true;
    list = new ElemList(root);
  }

  /** The merged text. */
  public String text() {
    return list.text();
  }

  /** The merged text's length in UTF-16 units. */
  public int length() {
    return list.visible();
  }

  /** Whether no edit has touched this document: a field never written, which reads as NULL. */
  public boolean blank() {
    return byNode.isEmpty() && waiting.isEmpty();
  }

  /** Edits parts waiting for a character this document has not seen yet. */
  public int waiting() {
    return waiting.size();
  }

  /**
   * Deletes {@code delete} characters at {@code pos} and inserts {@code insert} there, as node
   * {@code author}; returns the edit to send to other copies.
   */
  public byte[] splice(long author, int pos, int delete, String insert) {
    int len = length();
    if (pos < 0 || pos > len || delete < 0 || delete > len - pos) {
      throw new IndexOutOfBoundsException(
          "splice at " + pos + " deleting " + delete + " of a text of length " + len);
    }
    List<TextEdit.Part> parts = new ArrayList<>(2);
    TextEdit.Delete run = null;
    for (int i = 0; i < delete; i++) {
      Elem e = list.visibleAt(pos);
      list.delete(e);
      if (run != null && run.node() == e.node && run.seq() + run.count() == e.seq) {
        run = new TextEdit.Delete(run.node(), run.seq(), run.count() + 1);
      } else {
        if (run != null) {
          parts.add(run);
        }
        run = new TextEdit.Delete(e.node, e.seq, 1);
      }
    }
    if (run != null) {
      parts.add(run);
    }
    if (!insert.isEmpty()) {
      Elem before = pos == 0 ? root : list.visibleAt(pos - 1);
      Elem parent = before;
      boolean left = false;
      if (before.hasRights()) {
        Elem after = list.next(before);
        parent = after == null ? before : after;
        left = after != null;
      }
      TextEdit.Insert ins =
          new TextEdit.Insert(nextSeq(author), parent.node, parent.seq, left, insert);
      insert(author, ins);
      parts.add(ins);
    }
    return TextEdit.encode(author, parts);
  }

  /**
   * The edit that turns this text into {@code target} (the common prefix and suffix kept, the
   * middle replaced), applied as node {@code author}; null when they are equal.
   */
  public byte @Nullable [] diff(long author, String target) {
    String now = text();
    if (now.equals(target)) {
      return null;
    }
    int prefix = 0;
    int max = Math.min(now.length(), target.length());
    while (prefix < max && now.charAt(prefix) == target.charAt(prefix)) {
      prefix++;
    }
    int suffix = 0;
    while (suffix < max - prefix
        && now.charAt(now.length() - 1 - suffix) == target.charAt(target.length() - 1 - suffix)) {
      suffix++;
    }
    return splice(
        author,
        prefix,
        now.length() - prefix - suffix,
        target.substring(prefix, target.length() - suffix));
  }

  /** Merges an edit made by node {@code author}; applying one twice changes nothing. */
  public void apply(long author, byte[] edit) {
    boolean progress = false;
    for (TextEdit.Part p : TextEdit.decode(author, edit)) {
      if (merge(author, p)) {
        progress = true;
      } else {
        waiting.add(new Waiting(author, p));
      }
    }
    while (progress && !waiting.isEmpty()) {
      progress = waiting.removeIf(w -> merge(w.author(), w.part()));
    }
  }

  private boolean merge(long author, TextEdit.Part p) {
    if (p instanceof TextEdit.Insert i) {
      if (find(author, i.seq()) != null) {
        return true;
      }
      if (i.pSeq() >= 0 && find(i.pNode(), i.pSeq()) == null) {
        return false;
      }
      insert(author, i);
      return true;
    }
    TextEdit.Delete d = (TextEdit.Delete) p;
    for (int k = 0; k < d.count(); k++) {
      if (find(d.node(), d.seq() + k) == null) {
        return false;
      }
    }
    for (int k = 0; k < d.count(); k++) {
      Elem e = find(d.node(), d.seq() + k);
      if (e != null) {
        list.delete(e);
      }
    }
    return true;
  }

  /** Places a run whose parent is known: the first character by Fugue's sibling order. */
  private void insert(long author, TextEdit.Insert ins) {
    Elem parent = ins.pSeq() < 0 ? root : find(ins.pNode(), ins.pSeq());
    if (parent == null) {
      throw new IllegalStateException("parent of an insert is unknown");
    }
    String s = ins.text();
    List<Elem> run = new ArrayList<>(s.length());
    Elem first = new Elem(author, ins.seq(), s.charAt(0), parent, ins.left());
    run.add(first);
    Elem prev = first;
    for (int k = 1; k < s.length(); k++) {
      Elem e = new Elem(author, ins.seq() + k, s.charAt(k), prev, false);
      prev.addChild(e, false);
      run.add(e);
      prev = e;
    }
    int at = parent.addChild(first, ins.left());
    if (ins.left()) {
      List<Elem> sibs = parent.lefts;
      Elem next = sibs == null || at + 1 >= sibs.size() ? null : sibs.get(at + 1);
      list.insertBefore(next == null ? parent : Elem.firstOf(next), run);
    } else {
      List<Elem> sibs = parent.rights;
      list.insertAfter(at == 0 || sibs == null ? parent : Elem.lastOf(sibs.get(at - 1)), run);
    }
    ArrayList<@Nullable Elem> ids = byNode.computeIfAbsent(author, n -> new ArrayList<>());
    int end = ins.seq() + s.length();
    while (ids.size() < end) {
      ids.add(null);
    }
    for (Elem e : run) {
      ids.set(e.seq, e);
    }
  }

  private int nextSeq(long author) {
    ArrayList<@Nullable Elem> ids = byNode.get(author);
    return ids == null ? 0 : ids.size();
  }

  private @Nullable Elem find(long node, int seq) {
    ArrayList<@Nullable Elem> ids = byNode.get(node);
    return ids == null || seq >= ids.size() ? null : ids.get(seq);
  }
}
