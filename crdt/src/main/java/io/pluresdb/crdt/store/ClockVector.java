package io.pluresdb.crdt.store;

import io.pluresdb.crdt.clock.OpId;
import io.pluresdb.crdt.op.ByteSink;
import io.pluresdb.crdt.op.ByteSource;
import java.util.ArrayList;
import java.util.List;

/**
 * The per-field clocks of a live row, stored in its hidden {@code _clk} column: the id of the
 * insert that made the row live (its existence) and, per declared column position, the id of the
 * operation that last wrote the field (null when never written, e.g. a column added later).
 *
 * <p>The common case, a row written by one insert, is stored compactly because it is written once
 * per inserted row and its bytes are a large part of an insert's cost: when the id was issued by
 * this store's own node, whose id is fixed in the store's meta, the node is left out and the
 * milliseconds and counter are varints (tag 2, about 9 bytes); an id from another node keeps its 16
 * bytes (tag 0, 18 bytes). Rows whose fields diverge use the general form (tag 1).
 */
final class ClockVector {
  private static final int UNIFORM = 0;
  private static final int GENERAL = 1;
  private static final int UNIFORM_LOCAL = 2;

  final OpId existence;
  final OpId[] fields;

  ClockVector(OpId existence, OpId[] fields) {
    this.existence = existence;
    this.fields = fields;
  }

  /**
   * The clock of a row written entirely by one operation; {@code localNode} is the node id of the
   * store it is written to.
   */
  static byte[] uniform(OpId id, int columns, long localNode) {
    if (id.node() == localNode) {
      // written directly into an exact-size array: one clock per inserted row
      long millis = id.millis();
      long counter = id.counter();
      byte[] b = new byte[1 + varintSize(millis) + varintSize(counter) + varintSize(columns)];
      b[0] = UNIFORM_LOCAL;
      int at = putVarint(b, 1, millis);
      at = putVarint(b, at, counter);
      putVarint(b, at, columns);
      return b;
    }
    if (columns < 128) {
      // the common case, written directly: one clock per inserted row
      byte[] b = new byte[18];
      b[0] = UNIFORM;
      for (int i = 0; i < 8; i++) {
        b[1 + i] = (byte) (id.hi() >>> (56 - 8 * i));
        b[9 + i] = (byte) (id.lo() >>> (56 - 8 * i));
      }
      b[17] = (byte) columns;
      return b;
    }
    ByteSink out = new ByteSink(20);
    out.write(UNIFORM);
    out.fixed64(id.hi());
    out.fixed64(id.lo());
    out.varint(columns);
    return out.toByteArray();
  }

  private static int varintSize(long v) {
    int n = 1;
    while ((v & ~0x7FL) != 0) {
      v >>>= 7;
      n++;
    }
    return n;
  }

  private static int putVarint(byte[] b, int at, long v) {
    while ((v & ~0x7FL) != 0) {
      b[at++] = (byte) ((v & 0x7F) | 0x80);
      v >>>= 7;
    }
    b[at++] = (byte) v;
    return at;
  }

  /** This vector's stored form; {@code localNode} as in {@link #uniform}. */
  byte[] encode(long localNode) {
    boolean same = true;
    for (OpId f : fields) {
      same &= existence.equals(f);
    }
    if (same) {
      return uniform(existence, fields.length, localNode);
    }
    List<OpId> ids = distinct();
    ByteSink out = new ByteSink(20 + 17 * ids.size());
    out.write(GENERAL);
    out.varint(ids.size());
    for (OpId id : ids) {
      out.fixed64(id.hi());
      out.fixed64(id.lo());
    }
    out.varint(ids.indexOf(existence));
    out.varint(fields.length);
    for (OpId f : fields) {
      out.varint(f == null ? 0 : ids.indexOf(f) + 1L);
    }
    return out.toByteArray();
  }

  /**
   * Reads a stored form, with {@code columns} declared columns; {@code localNode} must be the one
   * it was encoded with (the store's node).
   */
  static ClockVector decode(byte[] b, int columns, long localNode) {
    ByteSource in = new ByteSource(b);
    int tag = in.read();
    OpId[] fields = new OpId[columns];
    if (tag == UNIFORM || tag == UNIFORM_LOCAL) {
      OpId id =
          tag == UNIFORM
              ? new OpId(in.fixed64(), in.fixed64())
              : OpId.of(in.varint(), in.varint(), localNode);
      int n = Math.min(columns, (int) in.varint());
      for (int i = 0; i < n; i++) {
        fields[i] = id;
      }
      return new ClockVector(id, fields);
    }
    int nIds = in.length();
    OpId[] ids = new OpId[nIds];
    for (int i = 0; i < nIds; i++) {
      ids[i] = new OpId(in.fixed64(), in.fixed64());
    }
    OpId existence = ids[(int) in.varint()];
    int n = (int) in.varint();
    for (int i = 0; i < n; i++) {
      int ref = (int) in.varint();
      if (i < columns && ref > 0) {
        fields[i] = ids[ref - 1];
      }
    }
    return new ClockVector(existence, fields);
  }

  /** The distinct ids: the entity's heads, sent as an operation's precursors. */
  List<OpId> distinct() {
    List<OpId> ids = new ArrayList<>(2);
    ids.add(existence);
    for (OpId f : fields) {
      if (f != null && !ids.contains(f)) {
        ids.add(f);
      }
    }
    return ids;
  }
}
