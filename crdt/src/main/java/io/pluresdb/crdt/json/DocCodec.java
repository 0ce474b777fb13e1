package io.pluresdb.crdt.json;

import io.pluresdb.crdt.clock.OpId;
import io.pluresdb.crdt.op.ByteSink;
import io.pluresdb.crdt.op.ByteSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The binary forms of a document's state and of one edit. An edit is a state fragment whose clocks
 * are all its operation's id, so it leaves clocks out, and ids of elements its author inserted
 * leave the node out; a state lists its distinct clocks once and refers to them by index.
 *
 * <pre>
 * form   = varint(clocks) (fixed64 fixed64)* node      -- an edit: no clocks
 * node   = flags(byte: 1 value, 2 cut, 4 birth, 8 place)
 *          [kind(byte) [string(raw) if a scalar] clock]
 *          [clock] [clock varint(index)] [ref(parent) side(byte: 0 right, 1 left)]
 *          varint(kids) (seg node)*
 * seg    = 0 string(key) | 1 ref
 * ref    = 0 (the array's start) | 1 varint(seq) (the author's) | 2 varint(node) varint(seq)
 * clock  = varint(index)        -- a state only
 * </pre>
 *
 * <p>Stateless.
 */
final class DocCodec {
  private DocCodec() {}

  /** A state, clocks included. */
  static byte[] state(DocNode root) {
    Map<OpId, Integer> clocks = new HashMap<>();
    List<OpId> list = new ArrayList<>();
    collect(root, clocks, list);
    ByteSink out = new ByteSink(64);
    out.varint(list.size());
    for (OpId c : list) {
      out.fixed64(c.hi());
      out.fixed64(c.lo());
    }
    node(out, root, clocks, null);
    return out.toByteArray();
  }

  /** An edit made at {@code at}: clocks implied. */
  static byte[] edit(DocNode frag, OpId at) {
    ByteSink out = new ByteSink(32);
    out.varint(0);
    node(out, frag, null, at.node());
    return out.toByteArray();
  }

  /** Reads a state. */
  static DocNode readState(byte[] form) {
    return read(form, null);
  }

  /** Reads an edit made at {@code at} (which gives its clocks and author). */
  static DocNode readEdit(byte[] form, OpId at) {
    return read(form, at);
  }

  private static DocNode read(byte[] form, @Nullable OpId at) {
    ByteSource in = new ByteSource(form);
    int n = in.length();
    if (at != null && n != 0) {
      throw new IllegalArgumentException("a JSON edit with clocks of its own");
    }
    OpId[] clocks = new OpId[n];
    for (int i = 0; i < n; i++) {
      clocks[i] = new OpId(in.fixed64(), in.fixed64());
    }
    DocNode root = new DocNode();
    node(in, root, at == null ? clocks : null, at);
    return root;
  }

  private static void collect(DocNode d, Map<OpId, Integer> ids, List<OpId> list) {
    for (OpId c : new OpId[] {d.clock, d.cut, d.born}) {
      if (c != null && ids.putIfAbsent(c, list.size()) == null) {
        list.add(c);
      }
    }
    if (d.kids != null) {
      for (DocNode k : d.kids.values()) {
        collect(k, ids, list);
      }
    }
  }

  private static void node(
      ByteSink out, DocNode d, @Nullable Map<OpId, Integer> clocks, @Nullable Long author) {
    int flags =
        (d.clock != null ? 1 : 0)
            | (d.cut != null ? 2 : 0)
            | (d.born != null ? 4 : 0)
            | (d.place != null ? 8 : 0);
    out.write(flags);
    if (d.clock != null) {
      out.write(d.kind);
      if (d.kind == DocNode.SCALAR) {
        out.string(Objects.requireNonNull(d.raw));
      }
      clock(out, d.clock, clocks);
    }
    if (d.cut != null) {
      clock(out, d.cut, clocks);
    }
    if (d.born != null) {
      clock(out, d.born, clocks);
      out.varint(d.bornAt);
    }
    if (d.place != null) {
      ref(out, d.place.parent(), author);
      out.write(d.place.left() ? 1 : 0);
    }
    int kids = d.kids == null ? 0 : d.kids.size();
    out.varint(kids);
    if (d.kids != null) {
      for (Map.Entry<Seg, DocNode> e : d.kids.entrySet()) {
        if (e.getKey() instanceof Seg.Key k) {
          out.write(0);
          out.string(k.name());
        } else {
          out.write(1);
          ref(out, (Seg.Elem) e.getKey(), author);
        }
        node(out, e.getValue(), clocks, author);
      }
    }
  }

  private static void clock(ByteSink out, OpId c, @Nullable Map<OpId, Integer> clocks) {
    if (clocks != null) {
      out.varint(Objects.requireNonNull(clocks.get(c)));
    }
  }

  private static void ref(ByteSink out, Seg.@Nullable Elem e, @Nullable Long author) {
    if (e == null) {
      out.write(0);
    } else if (author != null && e.node() == author) {
      out.write(1);
      out.varint(e.seq());
    } else {
      out.write(2);
      out.varint(e.node());
      out.varint(e.seq());
    }
  }

  private static void node(ByteSource in, DocNode d, OpId @Nullable [] clocks, @Nullable OpId at) {
    int flags = in.read();
    if ((flags & 1) != 0) {
      byte kind = (byte) in.read();
      if (kind < DocNode.ABSENT || kind > DocNode.ARRAY) {
        throw new IllegalArgumentException("bad JSON value kind " + kind);
      }
      String raw = kind == DocNode.SCALAR ? in.string() : null;
      d.set(clock(in, clocks, at), kind, raw);
    }
    if ((flags & 2) != 0) {
      d.cut(clock(in, clocks, at));
    }
    if ((flags & 4) != 0) {
      OpId b = clock(in, clocks, at);
      d.born(b, Math.toIntExact(in.varint()));
    }
    if ((flags & 8) != 0) {
      Seg.Elem parent = ref(in, at);
      d.place = new DocNode.Place(parent, in.read() == 1);
    }
    int kids = in.length();
    for (int i = 0; i < kids; i++) {
      int tag = in.read();
      Seg seg;
      if (tag == 0) {
        seg = new Seg.Key(in.string());
      } else if (tag == 1) {
        seg = ref(in, at);
        if (seg == null) {
          throw new IllegalArgumentException("a JSON element without an id");
        }
      } else {
        throw new IllegalArgumentException("bad JSON path step " + tag);
      }
      node(in, d.kid(seg), clocks, at);
    }
  }

  private static OpId clock(ByteSource in, OpId @Nullable [] clocks, @Nullable OpId at) {
    if (clocks != null) {
      return clocks[Math.toIntExact(in.varint())];
    }
    return Objects.requireNonNull(at, "clock");
  }

  private static Seg.@Nullable Elem ref(ByteSource in, @Nullable OpId at) {
    int kind = in.read();
    return switch (kind) {
      case 0 -> null;
      case 1 ->
          new Seg.Elem(Objects.requireNonNull(at, "author").node(), Math.toIntExact(in.varint()));
      case 2 -> new Seg.Elem(in.varint(), Math.toIntExact(in.varint()));
      default -> throw new IllegalArgumentException("bad JSON element reference " + kind);
    };
  }
}
