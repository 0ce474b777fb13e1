package io.pluresdb.crdt.op;

import io.pluresdb.crdt.clock.OpId;
import java.util.ArrayList;
import java.util.List;

/** Transactions to and from their compact binary record (layout in {@link OpEncoder}). */
public final class TxCodec {
  private TxCodec() {}

  public static byte[] encode(Transaction tx) {
    OpEncoder enc = new OpEncoder();
    enc.begin(tx.id());
    for (Operation op : tx.ops()) {
      enc.add(op);
    }
    return enc.finish(tx.prev());
  }

  /** Decodes a record; malformed input fails with IllegalArgumentException. */
  public static Transaction decode(byte[] record) {
    return decodeReceived(record).tx();
  }

  /**
   * Decodes a record with its authorship section (null for an unsigned record); malformed input
   * fails with IllegalArgumentException. The signature is not checked here.
   */
  static ReceivedTx decodeReceived(byte[] record) {
    try {
      return read(record);
    } catch (IllegalArgumentException e) {
      throw e;
    } catch (RuntimeException e) {
      // out-of-range dates, bad UTF-8 and the like: all mean a malformed record
      throw new IllegalArgumentException("malformed transaction record: " + e, e);
    }
  }

  private static ReceivedTx read(byte[] record) {
    ByteSource in = new ByteSource(record);
    int version = in.read();
    if (version != OpEncoder.VERSION_SIGNED
        && version != OpEncoder.VERSION
        && version != OpEncoder.VERSION_2) {
      throw new IllegalArgumentException("unknown transaction record version " + version);
    }
    boolean deltas = version != OpEncoder.VERSION_2;
    OpId id = new OpId(in.fixed64(), in.fixed64());
    int prevFlag = in.read();
    OpId prev =
        switch (prevFlag) {
          case 0 -> null;
          case 1 -> new OpId(in.fixed64(), in.fixed64());
          case OpEncoder.PREV_DELTA -> {
            if (!deltas) {
              throw new IllegalArgumentException("unknown prev flag " + prevFlag);
            }
            yield readEarlier(in, id);
          }
          default -> throw new IllegalArgumentException("unknown prev flag " + prevFlag);
        };
    int n = in.length();
    List<Operation> ops = new ArrayList<>(n);
    List<String> names = new ArrayList<>();
    OpId last = id;
    OpKind[] kinds = OpKind.values();
    String table = null;
    String[] columns = null;
    for (int i = 0; i < n; i++) {
      int flags = in.read();
      int k = flags & OpEncoder.KIND_MASK;
      if (k >= kinds.length
          || kinds[k] == OpKind.SCHEMA && flags != k
          || !deltas && (flags & OpEncoder.LOCAL_PRECURSORS) != 0) {
        throw new IllegalArgumentException("unknown operation kind " + flags);
      }
      OpKind kind = kinds[k];
      OpId opId;
      if ((flags & OpEncoder.NEXT_ID) != 0) {
        opId = OpId.of(last.millis(), last.counter() + 1, id.node());
      } else {
        long dms = in.varint();
        long c = in.varint();
        opId = OpId.of(last.millis() + dms, dms == 0 ? last.counter() + c : c, id.node());
      }
      last = opId;
      if (kind == OpKind.SCHEMA) {
        ops.add(Operation.schema(opId, SchemaJson.readChange(in.string())));
        continue;
      }
      if ((flags & OpEncoder.SAME_SHAPE) == 0) {
        table = name(in, names);
        columns = new String[in.length()];
        for (int j = 0; j < columns.length; j++) {
          columns[j] = name(in, names);
        }
      } else if (table == null) {
        throw new IllegalArgumentException("operation " + opId + " repeats no earlier shape");
      }
      Object[] key = new Object[in.length()];
      int[] refs = (flags & OpEncoder.KEY_REFS) == 0 ? null : new int[key.length];
      for (int j = 0; j < key.length; j++) {
        if (refs == null) {
          key[j] = ValueCodec.read(in);
        } else {
          long ref = in.varint();
          if (ref >= columns.length) {
            throw new IllegalArgumentException("unknown key reference " + ref);
          }
          refs[j] = (int) ref;
        }
      }
      Object[] values = new Object[columns.length];
      for (int j = 0; j < values.length; j++) {
        values[j] = ValueCodec.read(in);
      }
      for (int j = 0; refs != null && j < key.length; j++) {
        key[j] = values[refs[j]];
      }
      int np = (flags & OpEncoder.NO_PRECURSORS) != 0 ? 0 : in.length();
      List<OpId> precursors = new ArrayList<>(np);
      for (int j = 0; j < np; j++) {
        precursors.add(
            (flags & OpEncoder.LOCAL_PRECURSORS) != 0
                ? readEarlier(in, opId)
                : new OpId(in.fixed64(), in.fixed64()));
      }
      ops.add(new Operation(opId, kind, table, key, columns.clone(), values, precursors, null));
    }
    RecordAuth auth = version == OpEncoder.VERSION_SIGNED ? auth(in, record.length, id) : null;
    if (in.hasMore()) {
      throw new IllegalArgumentException("trailing bytes after transaction " + id);
    }
    return new ReceivedTx(record, new Transaction(id, prev, ops), auth);
  }

  /** Reads a version 4 record's authorship section and skips its signature. */
  private static RecordAuth auth(ByteSource in, int length, OpId id) {
    int flags = in.read();
    if ((flags & ~(OpEncoder.AUTH_KEY | OpEncoder.AUTH_RETIRES)) != 0) {
      throw new IllegalArgumentException("unknown authorship flags " + flags + " in " + id);
    }
    byte[] key = (flags & OpEncoder.AUTH_KEY) != 0 ? in.raw(32) : null;
    OpId retires =
        (flags & OpEncoder.AUTH_RETIRES) != 0 ? new OpId(in.fixed64(), in.fixed64()) : null;
    int signed = length - 64;
    in.raw(64);
    if (in.hasMore() || signed < 0) {
      throw new IllegalArgumentException("signature of transaction " + id + " is not 64 bytes");
    }
    return new RecordAuth(key, retires, signed);
  }

  /** Reads what {@link OpEncoder#writeEarlier} wrote: an id of base's node strictly below it. */
  private static OpId readEarlier(ByteSource in, OpId base) {
    long dms = in.varint();
    long c = in.varint();
    if (dms < 0 || dms > base.millis()) {
      throw new IllegalArgumentException("id delta of " + dms + " ms before " + base);
    }
    long counter = dms == 0 ? base.counter() - c : c;
    if (dms == 0 ? c < 1 || c > base.counter() : c < 0 || c > 0xFFFF_FFFFL) {
      throw new IllegalArgumentException("id counter delta " + c + " before " + base);
    }
    return OpId.of(base.millis() - dms, counter, base.node());
  }

  private static String name(ByteSource in, List<String> names) {
    long ref = in.varint();
    if (ref == 0) {
      String s = in.string();
      names.add(s);
      return s;
    }
    if (ref > names.size()) {
      throw new IllegalArgumentException("unknown name reference " + ref);
    }
    return names.get((int) ref - 1);
  }
}
