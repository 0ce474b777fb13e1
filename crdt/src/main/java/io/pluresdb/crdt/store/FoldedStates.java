package io.pluresdb.crdt.store;

import io.pluresdb.crdt.op.ByteSink;
import io.pluresdb.crdt.op.ByteSource;
import io.pluresdb.crdt.op.OpKind;
import io.pluresdb.crdt.op.Operation;
import io.pluresdb.crdt.op.Transaction;
import io.pluresdb.crdt.schema.ColumnDef;
import io.pluresdb.crdt.schema.ColumnType;
import io.pluresdb.crdt.schema.TableDef;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * What compaction folded away, per entity ({@code _pl_past}): the merge of every operation on it
 * whose record left the log, computed exactly as {@link PastRows} merges records, so that a read of
 * the past starts from it and then takes the records still kept. One row per table and entity (as
 * history names it, {@link LogHistory#entity}); its blob is marked so that the same aggregate reads
 * it beside log records.
 *
 * <p>Not thread-safe: one per compaction batch, used by the holder of the writer permit.
 */
final class FoldedStates {
  static final String DDL =
      "CREATE TABLE IF NOT EXISTS _pl_past (tbl TEXT COLLATE NOCASE NOT NULL, entity TEXT NOT NULL,"
          + " state BLOB NOT NULL, PRIMARY KEY (tbl, entity)) WITHOUT ROWID";

  /** The first byte of a folded state; no log record begins with it (see {@code OpEncoder}). */
  private static final int MARK = 0x7F;

  /** A decoded folded state. */
  record State(String entity, EntityState state) {}

  private record Key(String table, String entity) {}

  private final Writer w;
  private final Map<Key, EntityState> touched = new HashMap<>();

  FoldedStates(Writer w) {
    this.w = w;
  }

  static boolean isState(byte[] blob) {
    return blob.length > 0 && (blob[0] & 0xFF) == MARK;
  }

  static State decode(byte[] blob) {
    ByteSource in = new ByteSource(blob);
    in.read();
    String entity = in.string();
    return new State(entity, EntityState.decode(in));
  }

  private static byte[] encode(String entity, EntityState s) {
    ByteSink out = new ByteSink(64);
    out.write(MARK);
    out.string(entity);
    byte[] state = s.encode();
    out.write(state);
    return out.toByteArray();
  }

  /** Folds the data operations of {@code tx} into their entities' states. */
  void fold(Transaction tx) throws SQLException {
    for (Operation op : tx.ops()) {
      if (op.kind() == OpKind.SCHEMA) {
        continue;
      }
      Key k = new Key(PastRows.lower(op.table()), LogHistory.entity(op.key()));
      EntityState s = touched.get(k);
      if (s == null) {
        s = load(k);
        touched.put(k, s);
      }
      s.apply(PastRows.lowered(op), counters(op.table()), Set.of());
    }
  }

  /**
   * Writes the states folded into, and forgets them. A deleted entity's state is dropped, as its
   * tombstone is (see {@link Compaction}): what the past shows of it from the horizon on is the
   * same without it, unless a later insert brings it back, which then starts afresh.
   */
  void flush() throws SQLException {
    PreparedStatement ps =
        w.prepare("INSERT OR REPLACE INTO _pl_past(tbl, entity, state) VALUES (?,?,?)");
    PreparedStatement drop = w.prepare("DELETE FROM _pl_past WHERE tbl=? AND entity=?");
    for (Map.Entry<Key, EntityState> e : touched.entrySet()) {
      if (e.getValue().existence != null && !e.getValue().inserted) {
        drop.setString(1, e.getKey().table());
        drop.setString(2, e.getKey().entity());
        drop.executeUpdate();
        continue;
      }
      ps.setString(1, e.getKey().table());
      ps.setString(2, e.getKey().entity());
      ps.setBytes(3, encode(e.getKey().entity(), e.getValue()));
      ps.executeUpdate();
    }
    touched.clear();
  }

  private EntityState load(Key k) throws SQLException {
    PreparedStatement ps = w.prepare("SELECT state FROM _pl_past WHERE tbl=? AND entity=?");
    ps.setString(1, k.table());
    ps.setString(2, k.entity());
    try (ResultSet rs = ps.executeQuery()) {
      return rs.next() ? decode(rs.getBytes(1)).state() : new EntityState();
    }
  }

  /** The table's COUNTER columns in lower case, as {@link PastRows} names them. */
  private Set<String> counters(String table) {
    TableDef def = w.catalog().table(table);
    Set<String> out = new HashSet<>();
    if (def != null) {
      for (ColumnDef c : def.columns()) {
        if (c.type() == ColumnType.COUNTER) {
          out.add(PastRows.lower(c.name()));
        }
      }
    }
    return out;
  }
}
