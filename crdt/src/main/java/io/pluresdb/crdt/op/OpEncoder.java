package io.pluresdb.crdt.op;

import io.pluresdb.crdt.clock.OpId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Encodes a transaction's operations one at a time into a reusable buffer, so that a local write
 * costs a few bytes of encoding and no allocation per row. Names (tables, columns) are written once
 * per transaction and referred to by number afterwards; operation ids are written as deltas from
 * the previous id. A batch of writes to one table with the same columns, the usual shape of a
 * transaction, writes its table and column names once, and a key that repeats column values (an
 * insert's) refers to them. {@link #mark}/{@link #reset} undo to a savepoint.
 *
 * <p>Record layout: version byte, transaction id (16 bytes), prev flag (0 none, 1 full id, 2 delta
 * back from the transaction id) + id, operation count, operations. Operation: kind with flags
 * ({@link #SAME_SHAPE}, {@link #KEY_REFS}, {@link #NEXT_ID}, {@link #NO_PRECURSORS}, {@link
 * #LOCAL_PRECURSORS}), unless NEXT_ID the id delta (milliseconds, counter), then unless SAME_SHAPE
 * the table ref, column count and column refs, then the key count and key values (with KEY_REFS:
 * each as the position of an equal column value), the column values, unless NO_PRECURSORS the
 * precursors (with LOCAL_PRECURSORS as deltas back from the operation id, else full ids); SCHEMA
 * operations carry their change as JSON instead. Ids of the transaction's own node are written as
 * deltas because a node's ids are close together: a prev or a precursor costs 3–6 bytes, not 16.
 *
 * <p>Version 4 (signed) is version 3's layout followed by an authorship section: a flags byte
 * ({@link #AUTH_KEY}: the author's raw 32-byte Ed25519 public key follows; {@link #AUTH_RETIRES}:
 * then the 16-byte id of the last transaction of a legacy node id the author retires), then the
 * author's 64-byte Ed25519 signature over every byte before it. See {@link RecordAuth}.
 *
 * <p>Not thread-safe: owned by the writer.
 */
public final class OpEncoder {
  static final int VERSION = 3;

  /** The signed record version: {@link #VERSION}'s layout plus an authorship section. */
  static final int VERSION_SIGNED = 4;

  /** Authorship flag: the record carries its author's public key. */
  static final int AUTH_KEY = 1;

  /** Authorship flag: the record retires a legacy node id up to a transaction. */
  static final int AUTH_RETIRES = 2;

  /** The previous record version, still read from existing logs (full ids for prev, precursors). */
  static final int VERSION_2 = 2;

  /** Kind flag: same table and column names as the previous non-SCHEMA operation. */
  static final int SAME_SHAPE = 0x80;

  /** Kind flag: the key values are written as positions of equal column values. */
  static final int KEY_REFS = 0x40;

  /** Kind flag: the id follows the previous one (same milliseconds, counter + 1). */
  static final int NEXT_ID = 0x20;

  /** Kind flag: no precursors. */
  static final int NO_PRECURSORS = 0x10;

  /**
   * Kind flag (version 3): every precursor is an earlier operation of this transaction's node,
   * written as a delta back from the operation's id (see {@link #writeEarlier}).
   */
  static final int LOCAL_PRECURSORS = 0x08;

  /** The kind's own bits under the flags. */
  static final int KIND_MASK = 0x07;

  /** The {@code prev} flag (version 3): the previous transaction as a delta back from this one. */
  static final int PREV_DELTA = 2;

  private final ByteSink body = new ByteSink(1 << 16);
  private final Map<String, Integer> names = new HashMap<>();
  private final List<String> nameOrder = new ArrayList<>();
  private OpId txId;
  private OpId last;
  private int count;
  private String lastTable;
  private String[] lastColumns;

  /** Where the encoder stands, for {@link #reset}. */
  public record Mark(
      int size, int names, OpId last, int count, String lastTable, String[] lastColumns) {}

  /** Starts a new transaction. */
  public void begin(OpId txId) {
    body.truncate(0);
    names.clear();
    nameOrder.clear();
    this.txId = txId;
    this.last = txId;
    this.count = 0;
    this.lastTable = null;
    this.lastColumns = null;
  }

  public OpId txId() {
    return txId;
  }

  /** The last operation id added (the transaction id when none). */
  public OpId last() {
    return last;
  }

  public int count() {
    return count;
  }

  public Mark mark() {
    return new Mark(body.size(), nameOrder.size(), last, count, lastTable, lastColumns);
  }

  public void reset(Mark m) {
    body.truncate(m.size());
    while (nameOrder.size() > m.names()) {
      names.remove(nameOrder.remove(nameOrder.size() - 1));
    }
    last = m.last();
    count = m.count();
    lastTable = m.lastTable();
    lastColumns = m.lastColumns();
  }

  /** Appends an operation (its id must exceed the previous one). */
  public void add(Operation op) {
    add(
        op.id(),
        op.kind(),
        op.table(),
        op.key(),
        op.columns(),
        op.values(),
        op.precursors(),
        op.schema() == null ? null : SchemaJson.write(op.schema()));
  }

  /** Appends an operation from its parts, without building an {@link Operation}. */
  public void add(
      OpId id,
      OpKind kind,
      String table,
      Object[] key,
      String[] columns,
      Object[] values,
      List<OpId> precursors,
      String schemaJson) {
    int start = body.size();
    if (kind == OpKind.SCHEMA) {
      body.write(kind.ordinal());
    } else {
      boolean same =
          table.equals(lastTable)
              && (columns == lastColumns || Arrays.equals(columns, lastColumns));
      boolean refs = key.length > 0;
      for (int k = 0; refs && k < key.length; k++) {
        refs = position(key[k], values) >= 0;
      }
      boolean next = id.millis() == last.millis() && id.counter() == last.counter() + 1;
      boolean local = !precursors.isEmpty();
      for (int p = 0; local && p < precursors.size(); p++) {
        local = precursors.get(p).node() == id.node() && precursors.get(p).compareTo(id) < 0;
      }
      body.write(
          kind.ordinal()
              | (same ? SAME_SHAPE : 0)
              | (refs ? KEY_REFS : 0)
              | (next ? NEXT_ID : 0)
              | (precursors.isEmpty() ? NO_PRECURSORS : 0)
              | (local ? LOCAL_PRECURSORS : 0));
    }
    if ((body.byteAt(start) & NEXT_ID) == 0) {
      long dms = id.millis() - last.millis();
      body.varint(dms);
      body.varint(dms == 0 ? id.counter() - last.counter() : id.counter());
    }
    last = id;
    count++;
    if (kind == OpKind.SCHEMA) {
      body.string(schemaJson);
      return;
    }
    int flags = body.byteAt(start);
    if ((flags & SAME_SHAPE) == 0) {
      name(table);
      body.varint(columns.length);
      for (String c : columns) {
        name(c);
      }
      lastTable = table;
      lastColumns = columns;
    }
    body.varint(key.length);
    for (Object k : key) {
      if ((flags & KEY_REFS) != 0) {
        body.varint(position(k, values));
      } else {
        ValueCodec.write(body, k);
      }
    }
    for (Object v : values) {
      ValueCodec.write(body, v);
    }
    if ((flags & NO_PRECURSORS) != 0) {
      return;
    }
    body.varint(precursors.size());
    for (OpId p : precursors) {
      if ((flags & LOCAL_PRECURSORS) != 0) {
        writeEarlier(body, id, p);
      } else {
        body.fixed64(p.hi());
        body.fixed64(p.lo());
      }
    }
  }

  /**
   * Writes {@code earlier}, an id of the same node below {@code base}, as the milliseconds back
   * from {@code base} and then the counter back from base's (same millisecond) or the counter
   * itself; read by {@link TxCodec}.
   */
  static void writeEarlier(ByteSink out, OpId base, OpId earlier) {
    long dms = base.millis() - earlier.millis();
    out.varint(dms);
    out.varint(dms == 0 ? base.counter() - earlier.counter() : earlier.counter());
  }

  /** The first position of a value equal to {@code k} (the same object, usually), or -1. */
  private static int position(Object k, Object[] values) {
    for (int j = 0; j < values.length; j++) {
      if (k == values[j] || k != null && !(k instanceof byte[]) && k.equals(values[j])) {
        return j;
      }
    }
    return -1;
  }

  private void name(String s) {
    Integer ref = names.get(s);
    if (ref != null) {
      body.varint(ref + 1L);
    } else {
      body.varint(0);
      body.string(s);
      names.put(s, nameOrder.size());
      nameOrder.add(s);
    }
  }

  /** The complete transaction record, unsigned (version 3: tests and tools). */
  public byte[] finish(OpId prev) {
    ByteSink out = header(VERSION, prev, 0);
    return out.toByteArray();
  }

  /**
   * The complete transaction record, signed by {@code signer} (version 4).
   *
   * @param announceKey whether the record carries the signer's public key (a node's first record)
   * @param retires the last transaction of a legacy node id this node replaces, or null
   */
  public byte[] finishSigned(OpId prev, RecordSigner signer, boolean announceKey, OpId retires) {
    ByteSink out = header(VERSION_SIGNED, prev, 32 + 16 + 64 + 1);
    out.write((announceKey ? AUTH_KEY : 0) | (retires != null ? AUTH_RETIRES : 0));
    if (announceKey) {
      out.write(signer.publicKey());
    }
    if (retires != null) {
      out.fixed64(retires.hi());
      out.fixed64(retires.lo());
    }
    byte[] unsigned = out.toByteArray();
    out.write(signer.sign(unsigned, unsigned.length));
    return out.toByteArray();
  }

  private ByteSink header(int version, OpId prev, int spare) {
    ByteSink out = new ByteSink(body.size() + 48 + spare);
    out.write(version);
    out.fixed64(txId.hi());
    out.fixed64(txId.lo());
    if (prev == null) {
      out.write(0);
    } else if (prev.node() == txId.node() && prev.compareTo(txId) < 0) {
      out.write(PREV_DELTA);
      writeEarlier(out, txId, prev);
    } else {
      out.write(1);
      out.fixed64(prev.hi());
      out.fixed64(prev.lo());
    }
    out.varint(count);
    out.write(body.toByteArray());
    return out;
  }
}
