package io.pluresdb.crdt.json;

import io.pluresdb.crdt.clock.OpId;
import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A JSON document that merges per path: every object member and array element is a last-writer-wins
 * register ordered by operation id, arrays are Fugue sequences (see {@link
 * io.pluresdb.crdt.text.TextDoc}) so elements inserted concurrently all survive, and a write that
 * replaces or removes a value hides what was written below it before (see {@link DocRender} for the
 * rule). The state is a join semilattice: edits and whole states merge in any order, any number of
 * times, to the same document.
 *
 * <p>A local write gives a whole new value ({@link #write}); the document keeps the structural
 * difference from its current value as the edit to send. A document with nothing seen reads as SQL
 * NULL ({@code text()} null).
 *
 * <p>Not thread-safe.
 */
public final class JsonDoc {
  private final DocNode root;
  private final Map<Long, Integer> nextSeq = new HashMap<>();

  public JsonDoc() {
    this(new DocNode());
  }

  private JsonDoc(DocNode root) {
    this.root = root;
    count(root);
  }

  /** A document from its state ({@link #state}). */
  public static JsonDoc of(byte[] state) {
    return new JsonDoc(DocCodec.readState(state));
  }

  /** The whole merge state, to keep or ship as a row state's value. */
  public byte[] state() {
    return DocCodec.state(root);
  }

  /** The merged document as minified JSON text, or null when it holds nothing (SQL NULL). */
  public @Nullable String text() {
    Json.Value v = DocRender.render(root);
    return v == null ? null : Json.write(v);
  }

  /** Whether no write has touched this document. */
  public boolean blank() {
    return root.clock == null && root.kids == null;
  }

  /**
   * Makes the document read {@code json} (null: SQL NULL) by the structural difference from what it
   * reads now, written at {@code at} by {@code at}'s node; returns that edit, or null when nothing
   * changes. {@link IllegalArgumentException} if {@code json} is not JSON.
   */
  public byte @Nullable [] write(OpId at, @Nullable String json) {
    Json.Value neu = json == null ? null : Json.parse(json);
    Json.Value old = DocRender.render(root);
    long author = at.node();
    DocDiff d = new DocDiff(at, nextSeq.getOrDefault(author, 0));
    DocNode frag = d.diff(root, old, neu);
    if (!prune(frag)) {
      return null;
    }
    join(frag);
    return DocCodec.edit(frag, at);
  }

  /**
   * Merges the edit of the operation {@code at}; applying one twice changes nothing. An edit made
   * by another form, a whole JSON text ({@code String}), replaces the document as of {@code at}.
   */
  public void apply(OpId at, Object edit) {
    if (edit instanceof byte[] b) {
      join(DocCodec.readEdit(b, at));
    } else {
      replace(at, edit.toString());
    }
  }

  /** Replaces the whole document by {@code json} as of {@code at}, hiding everything older. */
  public void replace(OpId at, @Nullable String json) {
    Json.Value v = json == null ? null : Json.parse(json);
    join(DocDiff.replacing(at).replace(v));
  }

  /** Merges another document's state into this one. */
  public void join(JsonDoc other) {
    join(other.root);
  }

  /** Merges a state ({@link #state}) into this document. */
  public void join(byte[] state) {
    join(DocCodec.readState(state));
  }

  private void join(DocNode other) {
    root.join(other);
    count(other);
  }

  /** Keeps each node's next element number past the elements it inserted here. */
  private void count(DocNode n) {
    if (n.kids == null) {
      return;
    }
    for (Map.Entry<Seg, DocNode> e : n.kids.entrySet()) {
      if (e.getKey() instanceof Seg.Elem el) {
        nextSeq.merge(el.node(), el.seq() + 1, Math::max);
      }
      count(e.getValue());
    }
  }

  /** Drops the empty nodes of a fragment; true if anything is left. */
  private static boolean prune(DocNode n) {
    if (n.kids != null) {
      n.kids.values().removeIf(k -> !prune(k));
      if (n.kids.isEmpty()) {
        n.kids = null;
      }
    }
    return n.clock != null || n.cut != null || n.place != null || n.kids != null;
  }
}
