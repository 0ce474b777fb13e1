package io.pluresdb.crdt.store;

import io.pluresdb.crdt.clock.OpId;
import io.pluresdb.crdt.op.Transaction;
import io.pluresdb.crdt.op.VersionVector;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

/**
 * How far compaction has folded history away, kept in {@code _pl_meta}: per writing node the last
 * transaction folded ({@value LogHistory#HORIZON_VECTOR_KEY}, a {@link VersionVector#toText}), the
 * greatest operation id of those transactions ({@value #OPS_KEY}, which tombstones are compared
 * with), and the newest time of a folded transaction ({@value LogHistory#HORIZON_KEY}, before which
 * the past cannot be read). Absent keys: nothing was folded.
 *
 * <p>Thread-safe for reading the committed vectors; changed by the holder of the writer permit.
 */
final class HistoryHorizon {
  static final String OPS_KEY = "history_horizon_ops";

  private final Meta meta;
  private volatile VersionVector vector;
  private volatile VersionVector ops;
  private final Map<Long, OpId> pendingTx = new HashMap<>();
  private final Map<Long, OpId> pendingOps = new HashMap<>();
  private long pendingMillis = -1;

  HistoryHorizon(Meta meta) throws SQLException {
    this.meta = meta;
    reload();
  }

  /** Reads the committed horizon again (while opening, or after a rolled-back batch). */
  void reload() throws SQLException {
    vector = read(LogHistory.HORIZON_VECTOR_KEY);
    ops = read(OPS_KEY);
    pendingTx.clear();
    pendingOps.clear();
    pendingMillis = -1;
  }

  private VersionVector read(String key) throws SQLException {
    String text = meta.get(key);
    return text == null ? VersionVector.empty() : VersionVector.parse(text);
  }

  /** The committed horizon: per writing node, the last transaction folded away. */
  VersionVector vector() {
    return vector;
  }

  /** The committed greatest folded operation id per node. */
  VersionVector opVector() {
    return ops;
  }

  /** {@code tx} is folded in the current batch. */
  void folded(Transaction tx) {
    OpId id = tx.id();
    pendingTx.merge(id.node(), id, (a, b) -> a.compareTo(b) >= 0 ? a : b);
    OpId lastOp = tx.lastId();
    pendingOps.merge(lastOp.node(), lastOp, (a, b) -> a.compareTo(b) >= 0 ? a : b);
    pendingMillis = Math.max(pendingMillis, id.millis());
  }

  /** Writes the batch's horizon; the caller commits and then calls {@link #committed}. */
  void save(Writer w) throws SQLException {
    if (pendingTx.isEmpty()) {
      return;
    }
    for (OpId tx : pendingTx.values()) {
      Folded.raise(w, tx);
    }
    meta.put(LogHistory.HORIZON_VECTOR_KEY, vector.merge(new VersionVector(pendingTx)).toText());
    meta.put(OPS_KEY, ops.merge(new VersionVector(pendingOps)).toText());
    String before = meta.get(LogHistory.HORIZON_KEY);
    long millis = before == null ? pendingMillis : Math.max(Long.parseLong(before), pendingMillis);
    meta.put(LogHistory.HORIZON_KEY, Long.toString(millis));
  }

  /** The batch saved by {@link #save} committed. */
  void committed() {
    if (!pendingTx.isEmpty()) {
      vector = vector.merge(new VersionVector(pendingTx));
      ops = ops.merge(new VersionVector(pendingOps));
    }
    pendingTx.clear();
    pendingOps.clear();
    pendingMillis = -1;
  }
}
