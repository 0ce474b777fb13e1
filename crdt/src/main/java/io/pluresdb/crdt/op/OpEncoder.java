package io.pluresdb.crdt.op;

import io.pluresdb.crdt.clock.OpId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Encodes a transaction's operations one at a time into a reusable buffer, so that a local write
 * costs a few bytes of encoding and no allocation per row. Names (tables, columns) are written
 * once per transaction and referred to by number afterwards; operation ids are written as deltas
 * from the previous id. {@link #mark}/{@link #reset} undo to a savepoint.
 *
 * <p>Record layout: version byte, transaction id (16 bytes), prev flag + id, operation count,
 * operations. Operation: kind, id delta (milliseconds, counter), table ref, key values, column
 * refs and values, precursors; SCHEMA operations carry their change as JSON instead.
 *
 * <p>Not thread-safe: owned by the writer.
 */
public final class OpEncoder {
  static final int VERSION = 1;

  private final ByteSink body = new ByteSink(1 << 16);
  private final Map<String, Integer> names = new HashMap<>();
  private final List<String> nameOrder = new ArrayList<>();
  private OpId txId;
  private OpId last;
  private int count;

  /** Where the encoder stands, for {@link #reset}. */
  public record Mark(int size, int names, OpId last, int count) {}

  /** Starts a new transaction. */
  public void begin(OpId txId) {
    body.truncate(0);
    names.clear();
    nameOrder.clear();
    this.txId = txId;
    this.last = txId;
    this.count = 0;
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
    return new Mark(body.size(), nameOrder.size(), last, count);
  }

  public void reset(Mark m) {
    body.truncate(m.size());
    while (nameOrder.size() > m.names()) {
      names.remove(nameOrder.remove(nameOrder.size() - 1));
    }
    last = m.last();
    count = m.count();
  }

  /** Appends an operation (its id must exceed the previous one). */
  public void add(Operation op) {
    add(op.id(), op.kind(), op.table(), op.key(), op.columns(), op.values(), op.precursors(),
        op.schema() == null ? null : SchemaJson.write(op.schema()));
  }

  /** Appends an operation from its parts, without building an {@link Operation}. */
  public void add(OpId id, OpKind kind, String table, Object[] key, String[] columns,
      Object[] values, List<OpId> precursors, String schemaJson) {
    body.write(kind.ordinal());
    long dms = id.millis() - last.millis();
    body.varint(dms);
    body.varint(dms == 0 ? id.counter() - last.counter() : id.counter());
    last = id;
    count++;
    if (kind == OpKind.SCHEMA) {
      body.string(schemaJson);
      return;
    }
    name(table);
    body.varint(key.length);
    for (Object k : key) {
      ValueCodec.write(body, k);
    }
    body.varint(columns.length);
    for (int i = 0; i < columns.length; i++) {
      name(columns[i]);
      ValueCodec.write(body, values[i]);
    }
    body.varint(precursors.size());
    for (OpId p : precursors) {
      body.fixed64(p.hi());
      body.fixed64(p.lo());
    }
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

  /** The complete transaction record. */
  public byte[] finish(OpId prev) {
    ByteSink out = new ByteSink(body.size() + 48);
    out.write(VERSION);
    out.fixed64(txId.hi());
    out.fixed64(txId.lo());
    if (prev == null) {
      out.write(0);
    } else {
      out.write(1);
      out.fixed64(prev.hi());
      out.fixed64(prev.lo());
    }
    out.varint(count);
    out.write(body.toByteArray());
    return out.toByteArray();
  }
}
