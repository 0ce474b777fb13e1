package io.pluresdb.crdt.op;

import io.pluresdb.crdt.clock.OpId;
import java.util.ArrayList;
import java.util.List;

/**
 * The binary form of a {@link RowStateBatch}, as replication sends it: a version byte, the row
 * count, each row (table, key values, existence flag and id, fields with their clocks and values,
 * values in the operation {@link ValueCodec}), then the coverage, if any. Table names repeat as a
 * back reference to the previous row's when equal, since a snapshot sends a table's rows together.
 *
 * <p>Stateless. Malformed input fails with IllegalArgumentException.
 */
public final class RowStateCodec {
  private static final int VERSION = 1;

  private RowStateCodec() {}

  public static byte[] encode(RowStateBatch batch) {
    ByteSink out = new ByteSink(64 + batch.rows().size() * 48);
    out.write(VERSION);
    out.varint(batch.rows().size());
    String table = null;
    for (RowState r : batch.rows()) {
      if (r.table().equals(table)) {
        out.write(0);
      } else {
        out.write(1);
        out.string(r.table());
        table = r.table();
      }
      out.varint(r.key().length);
      for (Object k : r.key()) {
        ValueCodec.write(out, k);
      }
      OpId e = r.existence();
      out.write(e == null ? 0 : r.live() ? 2 : 1);
      if (e != null) {
        id(out, e);
      }
      out.varint(r.columns().length);
      for (int i = 0; i < r.columns().length; i++) {
        out.string(r.columns()[i]);
        id(out, r.clocks()[i]);
        ValueCodec.write(out, r.values()[i]);
      }
    }
    Coverage c = batch.coverage();
    out.write(c == null ? 0 : 1);
    if (c != null) {
      out.varint(c.held().size());
      for (Coverage.Held h : c.held()) {
        id(out, h.tx());
        id(out, h.last());
      }
      out.varint(c.keys().size());
      for (Coverage.Key k : c.keys()) {
        out.fixed64(k.node());
        byte[] pk = k.publicKey();
        OpId retired = k.retiredAfter();
        out.write((pk == null ? 0 : 1) | (retired == null ? 0 : 2));
        if (pk != null) {
          out.bytes(pk);
        }
        if (retired != null) {
          id(out, retired);
        }
      }
    }
    return out.toByteArray();
  }

  public static RowStateBatch decode(byte[] bytes) {
    try {
      ByteSource in = new ByteSource(bytes);
      if (in.read() != VERSION) {
        throw new IllegalArgumentException("unknown row state version");
      }
      int n = in.length();
      List<RowState> rows = new ArrayList<>(Math.min(n, 4096));
      String table = null;
      for (int i = 0; i < n; i++) {
        if (in.read() == 1) {
          table = in.string();
        } else if (table == null) {
          throw new IllegalArgumentException("row state without a table");
        }
        rows.add(row(in, table));
      }
      Coverage coverage = null;
      if (in.read() == 1) {
        int h = in.length();
        List<Coverage.Held> held = new ArrayList<>(Math.min(h, 4096));
        for (int i = 0; i < h; i++) {
          held.add(new Coverage.Held(id(in), id(in)));
        }
        int k = in.length();
        List<Coverage.Key> keys = new ArrayList<>(Math.min(k, 4096));
        for (int i = 0; i < k; i++) {
          long node = in.fixed64();
          int flags = in.read();
          byte[] pk = (flags & 1) != 0 ? in.bytes() : null;
          keys.add(new Coverage.Key(node, pk, (flags & 2) != 0 ? id(in) : null));
        }
        coverage = new Coverage(held, keys);
      }
      if (in.hasMore()) {
        throw new IllegalArgumentException("trailing bytes after row states");
      }
      return new RowStateBatch(rows, coverage);
    } catch (IndexOutOfBoundsException e) {
      throw new IllegalArgumentException("truncated row states", e);
    }
  }

  private static RowState row(ByteSource in, String table) {
    Object[] key = new Object[in.length()];
    for (int k = 0; k < key.length; k++) {
      key[k] = ValueCodec.read(in);
    }
    int flag = in.read();
    OpId existence = flag == 0 ? null : id(in);
    int f = in.length();
    String[] cols = new String[f];
    OpId[] clocks = new OpId[f];
    Object[] values = new Object[f];
    for (int j = 0; j < f; j++) {
      cols[j] = in.string();
      clocks[j] = id(in);
      values[j] = ValueCodec.read(in);
    }
    return new RowState(table, key, existence, flag == 2, cols, clocks, values);
  }

  private static void id(ByteSink out, OpId id) {
    out.fixed64(id.hi());
    out.fixed64(id.lo());
  }

  private static OpId id(ByteSource in) {
    return new OpId(in.fixed64(), in.fixed64());
  }
}
