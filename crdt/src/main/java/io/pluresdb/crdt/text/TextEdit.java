package io.pluresdb.crdt.text;

import io.pluresdb.crdt.op.ByteSink;
import io.pluresdb.crdt.op.ByteSource;
import java.util.ArrayList;
import java.util.List;

/**
 * The wire and log form of one edit of a {@link TextDoc}, made by one node: runs of inserted
 * characters and runs of deleted ones. Element ids of the author's own characters leave the node
 * out, and a run of typed characters is one part (its characters after the first are each the right
 * child of the one before), so typing a word costs a few bytes plus the word.
 *
 * <pre>
 * edit   = varint(parts) part*
 * part   = 0 varint(seq) ref side(byte: 0 right, 1 left) string(text)   -- an insert run
 *        | 1 ref varint(count)                                           -- a delete run
 * ref    = 0                          -- the document's root (inserts only)
 *        | 1 varint(seq)              -- a character of the author
 *        | 2 varint(node) varint(seq) -- a character of another node
 * </pre>
 */
final class TextEdit {
  private TextEdit() {}

  /** Inserts {@code text} as elements (author, seq...) under the parent; {@code pSeq} -1: root. */
  record Insert(int seq, long pNode, int pSeq, boolean left, String text) implements Part {}

  /** Deletes the elements (node, seq) to (node, seq + count - 1). */
  record Delete(long node, int seq, int count) implements Part {}

  sealed interface Part permits Insert, Delete {}

  static byte[] encode(long author, List<Part> parts) {
    ByteSink out = new ByteSink(16);
    out.varint(parts.size());
    for (Part p : parts) {
      if (p instanceof Insert i) {
        out.write(0);
        out.varint(i.seq());
        ref(out, author, i.pNode(), i.pSeq());
        out.write(i.left() ? 1 : 0);
        out.string(i.text());
      } else if (p instanceof Delete d) {
        out.write(1);
        ref(out, author, d.node(), d.seq());
        out.varint(d.count());
      }
    }
    return out.toByteArray();
  }

  static List<Part> decode(long author, byte[] edit) {
    ByteSource in = new ByteSource(edit);
    int n = in.length();
    List<Part> parts = new ArrayList<>(n);
    long[] ref = new long[2];
    for (int k = 0; k < n; k++) {
      int tag = in.read();
      if (tag == 0) {
        int seq = Math.toIntExact(in.varint());
        ref(in, author, ref);
        boolean left = in.read() == 1;
        parts.add(new Insert(seq, ref[0], (int) ref[1], left, in.string()));
      } else if (tag == 1) {
        ref(in, author, ref);
        if (ref[1] < 0) {
          throw new IllegalArgumentException("a text edit deletes the root");
        }
        parts.add(new Delete(ref[0], (int) ref[1], Math.toIntExact(in.varint())));
      } else {
        throw new IllegalArgumentException("bad text edit part " + tag);
      }
    }
    return parts;
  }

  private static void ref(ByteSink out, long author, long node, int seq) {
    if (seq < 0) {
      out.write(0);
    } else if (node == author) {
      out.write(1);
      out.varint(seq);
    } else {
      out.write(2);
      out.varint(node);
      out.varint(seq);
    }
  }

  private static void ref(ByteSource in, long author, long[] ref) {
    int kind = in.read();
    switch (kind) {
      case 0 -> {
        ref[0] = 0;
        ref[1] = -1;
      }
      case 1 -> {
        ref[0] = author;
        ref[1] = Math.toIntExact(in.varint());
      }
      case 2 -> {
        ref[0] = in.varint();
        ref[1] = Math.toIntExact(in.varint());
      }
      default -> throw new IllegalArgumentException("bad text reference " + kind);
    }
  }
}
