package io.pluresdb.crdt.store;

import io.pluresdb.crdt.clock.OpId;
import io.pluresdb.crdt.op.ByteSink;
import io.pluresdb.crdt.op.ByteSource;
import io.pluresdb.crdt.op.OpKind;
import io.pluresdb.crdt.op.Operation;
import io.pluresdb.crdt.op.ValueCodec;
import io.pluresdb.crdt.schema.Names;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The merge state of one entity: an existence register over inserts and deletes, and one
 * last-writer-wins register per field, all ordered by operation id. Applying an operation takes the
 * maximum of each register it touches, so the result is the same in any order and with any
 * duplication (a join semilattice). A delete beats a concurrent update because updates never touch
 * the existence register; an insert with a greater id than the delete wins it back.
 *
 * <p>COUNTER fields are the exception: their operations carry increments, which add up (so two
 * nodes each adding one give two). That is order-independent too, and exactly-once is guaranteed
 * one level up: a transaction is applied once per node (the version vector drops duplicates). TEXT
 * MERGEABLE fields take the merged text they are given, whatever the operation's id.
 *
 * <p>Not thread-safe: a short-lived value used by the writer.
 */
final class EntityState {
  /** One field register. */
  record Field(OpId clock, Object value) {}

  OpId existence;
  boolean inserted;
  // a field matches its column in any case (see Names): a concurrent declaration may spell it
  // differently from the one that won
  final Map<String, Field> fields = Names.map();

  boolean live() {
    return existence != null && inserted;
  }

  /** Merges one operation; returns true if any register changed. */
  boolean apply(Operation op, Set<String> counters, Set<String> merged) {
    boolean changed = false;
    OpId id = op.id();
    if (op.kind() == OpKind.INSERT || op.kind() == OpKind.DELETE) {
      if (id.after(existence)) {
        existence = id;
        inserted = op.kind() == OpKind.INSERT;
        changed = true;
      }
    }
    String[] cols = op.columns();
    for (int i = 0; i < cols.length; i++) {
      Field f = fields.get(cols[i]);
      if (counters.contains(cols[i])) {
        long base = f == null || f.value() == null ? 0 : (Long) f.value();
        long delta = op.values()[i] == null ? 0 : (Long) op.values()[i];
        OpId clock = f == null || id.after(f.clock()) ? id : f.clock();
        fields.put(cols[i], new Field(clock, base + delta));
        changed = true;
      } else if (merged.contains(cols[i])) {
        // the value is already the merged text of every edit (see TextColumns, JsonColumns)
        OpId clock = f == null || id.after(f.clock()) ? id : f.clock();
        fields.put(cols[i], new Field(clock, op.values()[i]));
        changed = true;
      } else if (f == null || id.after(f.clock())) {
        fields.put(cols[i], new Field(id, op.values()[i]));
        changed = true;
      }
    }
    return changed;
  }

  /**
   * Merges another state of the same entity (a row state): each register takes the greater id, as
   * applying the operations behind {@code other} would. Returns true if any register changed.
   *
   * <p>A COUNTER field takes the value with the greater clock: a row state carries the total, not
   * each node's increments, so it is exact for a receiver that holds none of the increments it
   * stands for (a new node, a peer behind the horizon), which is what row states are sent to. When
   * {@code other} stands for every operation this state holds (a snapshot covering all the receiver
   * holds), the fields in {@code whole} (its COUNTERs) take {@code other}'s value whatever the
   * clocks say: its total already counts every increment held here, and ones held here alone would
   * otherwise win by clock and drop the rest.
   *
   * <p>A field in {@code merged} (JSON) takes the value given, already the merge of both sides'
   * documents (see {@link JsonColumns#join}), with the greater clock.
   */
  boolean join(EntityState other, Set<String> merged, Set<String> whole) {
    boolean changed = false;
    if (other.existence != null && other.existence.after(existence)) {
      existence = other.existence;
      inserted = other.inserted;
      changed = true;
    }
    for (Map.Entry<String, Field> e : other.fields.entrySet()) {
      Field f = fields.get(e.getKey());
      if (f != null && merged.contains(e.getKey())) {
        OpId clock = e.getValue().clock().after(f.clock()) ? e.getValue().clock() : f.clock();
        Field next = new Field(clock, e.getValue().value());
        if (!next.equals(f)) {
          fields.put(e.getKey(), next);
          changed = true;
        }
      } else if (f == null || e.getValue().clock().after(f.clock())) {
        fields.put(e.getKey(), e.getValue());
        changed = true;
      } else if (whole.contains(e.getKey()) && !e.getValue().equals(f)) {
        OpId clock = e.getValue().clock().after(f.clock()) ? e.getValue().clock() : f.clock();
        fields.put(e.getKey(), new Field(clock, e.getValue().value()));
        changed = true;
      }
    }
    return changed;
  }

  /**
   * Merges the state of a disjoint set of operations on the same entity (the folded part of its
   * history beside the part still in the log): registers take the greater id, and COUNTER fields
   * (named in {@code counters}) add up, since no increment is in both.
   */
  void absorb(EntityState other, Set<String> counters) {
    if (other.existence != null && other.existence.after(existence)) {
      existence = other.existence;
      inserted = other.inserted;
    }
    for (Map.Entry<String, Field> e : other.fields.entrySet()) {
      Field f = fields.get(e.getKey());
      Field o = e.getValue();
      if (f != null && counters.contains(e.getKey())) {
        long sum =
            (f.value() == null ? 0 : (Long) f.value()) + (o.value() == null ? 0 : (Long) o.value());
        fields.put(e.getKey(), new Field(o.clock().after(f.clock()) ? o.clock() : f.clock(), sum));
      } else if (f == null || o.clock().after(f.clock())) {
        fields.put(e.getKey(), o);
      }
    }
  }

  /** True when every register was set by a transaction {@code horizon} covers. */
  boolean coveredBy(io.pluresdb.crdt.op.VersionVector horizon) {
    for (OpId id : heads()) {
      if (!horizon.covers(id)) {
        return false;
      }
    }
    return true;
  }

  /** The heads: distinct ids of the registers. */
  List<OpId> heads() {
    List<OpId> ids = new ArrayList<>();
    if (existence != null) {
      ids.add(existence);
    }
    for (Field f : fields.values()) {
      if (!ids.contains(f.clock())) {
        ids.add(f.clock());
      }
    }
    return ids;
  }

  /** Serialized for the tombstone table (by field name, so it survives schema changes). */
  byte[] encode() {
    ByteSink out = new ByteSink(64);
    if (existence == null) {
      out.write(0);
    } else {
      out.write(inserted ? 2 : 1);
      out.fixed64(existence.hi());
      out.fixed64(existence.lo());
    }
    out.varint(fields.size());
    for (Map.Entry<String, Field> e : fields.entrySet()) {
      out.string(e.getKey());
      out.fixed64(e.getValue().clock().hi());
      out.fixed64(e.getValue().clock().lo());
      ValueCodec.write(out, e.getValue().value());
    }
    return out.toByteArray();
  }

  static EntityState decode(byte[] b) {
    return decode(new ByteSource(b));
  }

  /** Reads a state written by {@link #encode} from where {@code in} stands. */
  static EntityState decode(ByteSource in) {
    EntityState s = new EntityState();
    int flag = in.read();
    if (flag != 0) {
      s.inserted = flag == 2;
      s.existence = new OpId(in.fixed64(), in.fixed64());
    }
    int n = in.length();
    for (int i = 0; i < n; i++) {
      String name = in.string();
      OpId clock = new OpId(in.fixed64(), in.fixed64());
      s.fields.put(name, new Field(clock, ValueCodec.read(in)));
    }
    return s;
  }
}
