package io.pluresdb.crdt.store;

import io.pluresdb.crdt.clock.HybridLogicalClock;
import io.pluresdb.crdt.clock.OpId;
import io.pluresdb.crdt.error.Errors;
import io.pluresdb.crdt.error.SqlState;
import io.pluresdb.crdt.feed.EntityChange;
import io.pluresdb.crdt.op.Coverage;
import io.pluresdb.crdt.op.RowState;
import io.pluresdb.crdt.op.RowStateBatch;
import io.pluresdb.crdt.op.VersionVector;
import io.pluresdb.crdt.schema.TableDef;
import io.pluresdb.crdt.sign.Ed25519;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The embedded store's {@link RowStates}: snapshots read on a reader connection inside one read
 * transaction (WAL gives it one committed point, with the version vector of that point), merges run
 * under the writer permit through {@link Materializer#merge}, the path remote operations take.
 *
 * <p>Thread-safe: reads use their own connection; merges hold the permit.
 */
final class StateTransfer implements RowStates {
  private final StoreFiles files;
  private final WriterPermit permit;
  private final Writer w;
  private final Meta meta;
  private final CommittedState state;
  private final HybridLogicalClock clock;
  private final KeyPins pins;
  private final Duration wait;

  StateTransfer(
      StoreFiles files,
      WriterPermit permit,
      Writer w,
      Meta meta,
      CommittedState state,
      HybridLogicalClock clock,
      KeyPins pins,
      Duration wait) {
    this.files = files;
    this.permit = permit;
    this.w = w;
    this.meta = meta;
    this.state = state;
    this.clock = clock;
    this.pins = pins;
    this.wait = wait;
  }

  @Override
  public Coverage snapshot(Sink sink) throws SQLException {
    try (Snapshot s = open()) {
      for (List<RowState> rows = s.next(1024); !rows.isEmpty(); rows = s.next(1024)) {
        for (RowState r : rows) {
          sink.accept(r);
        }
      }
      return s.coverage();
    }
  }

  @Override
  public Snapshot open() throws SQLException {
    permit.checkOpen();
    return SnapshotCursor.open(files, w.node);
  }

  @Override
  public VersionVector horizon() throws SQLException {
    permit.checkOpen();
    Map<Long, OpId> last = new java.util.HashMap<>();
    try (Connection c = files.connect();
        Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT tx FROM _pl_folded")) {
      while (rs.next()) {
        OpId tx = OpId.fromBytes(rs.getBytes(1));
        last.put(tx.node(), tx);
      }
    }
    return new VersionVector(last);
  }

  /** Drops parked transactions that the adopted coverage holds (they would wait for nothing). */
  private void unparkCovered(Map<Long, Meta.Version> adopted) throws SQLException {
    if (adopted.isEmpty() || !ParkedTable.any(w)) {
      return;
    }
    for (ParkedTable.Row row : ParkedTable.load(w)) {
      Meta.Version v = adopted.get(row.received().tx().node());
      if (v != null && row.received().tx().lastId().compareTo(v.last()) <= 0) {
        ParkedTable.unpark(w, row.received().tx().id());
      }
    }
  }

  /**
   * Pins a writer's key that this node has not pinned. A key whose fingerprint is not its node id
   * is left out, as {@link Authorship} would refuse it; that node's records then stay unverifiable
   * here and are refused when they come.
   */
  private void pin(Coverage.Key k, Map<Long, KeyPins.Pin> out) {
    if (pins.get(k.node()) != null) {
      return;
    }
    byte[] key = k.publicKey();
    if (key != null) {
      if (!Ed25519.isFingerprint(k.node()) || Ed25519.fingerprint(key) == k.node()) {
        out.put(k.node(), KeyPins.Pin.key(key));
      }
    } else if (k.retiredAfter() != null) {
      out.put(k.node(), KeyPins.Pin.retired(k.retiredAfter()));
    }
  }

  @Override
  public void merge(RowStateBatch batch, VersionVector snapshot) throws SQLException {
    permit.acquire(wait);
    try {
      w.pragmas("PRAGMA foreign_keys=OFF", "PRAGMA ignore_check_constraints=ON");
      try {
        // checked under the writer, so no local write commits between the check and the merge
        boolean superset = !snapshot.last().isEmpty() && snapshot.dominates(state.versionVector());
        mergeLocked(batch, superset);
      } finally {
        w.pragmas("PRAGMA foreign_keys=ON", "PRAGMA ignore_check_constraints=OFF");
      }
    } finally {
      permit.release();
    }
  }

  private void mergeLocked(RowStateBatch batch, boolean superset) throws SQLException {
    Materializer m = new Materializer(w);
    List<EntityChange> changes = new ArrayList<>();
    Map<Long, Meta.Version> adopted = new java.util.HashMap<>();
    Map<Long, KeyPins.Pin> pinned = new java.util.HashMap<>();
    OpId max = null;
    try {
      for (RowState r : batch.rows()) {
        m.merge(r, superset, changes);
        OpId last = r.lastId();
        if (last != null && last.after(max)) {
          max = last;
        }
      }
      if (batch.coverage() != null) {
        for (Coverage.Held h : batch.coverage().held()) {
          Meta.Version v = state.version(h.tx().node());
          if (v == null || h.tx().after(v.tx())) {
            Meta.Version next = new Meta.Version(h.last(), h.tx());
            meta.saveVersion(w, h.tx().node(), next);
            Folded.raise(w, h.tx());
            adopted.put(h.tx().node(), next);
          }
        }
        for (Coverage.Key k : batch.coverage().keys()) {
          pin(k, pinned);
        }
        KeyTable.save(w, pinned);
        unparkCovered(adopted);
      }
      w.commit();
    } catch (Materializer.MissingSchema e) {
      w.rollbackAfter(e, state.catalog());
      throw Errors.of(SqlState.UNDEFINED_TABLE, "row states: " + e.getMessage(), e);
    } catch (SQLException | RuntimeException e) {
      w.rollbackAfter(e, state.catalog());
      throw e;
    }
    adopted.forEach(state::covered);
    pins.addAll(pinned);
    if (max != null) {
      clock.advanceTo(max);
    }
  }

  @Override
  public void read(
      Connection reader,
      String table,
      @Nullable String where,
      List<@Nullable Object> params,
      @Nullable List<Object[]> keys,
      Sink sink)
      throws SQLException {
    TableDef def = state.catalog().table(table);
    if (def != null) {
      SliceRows.read(reader, new TableSql(def), w.node, where, params, keys, sink);
    }
  }

  @Override
  public void remove(String table, List<Object[]> keys) throws SQLException {
    if (keys.isEmpty()) {
      return;
    }
    permit.acquire(wait);
    try {
      TableSql t = w.table(table);
      if (t == null) {
        return;
      }
      try {
        SliceRows.remove(w, t, keys);
        w.commit();
      } catch (SQLException | RuntimeException e) {
        w.rollbackAfter(e, state.catalog());
        throw e;
      }
    } finally {
      permit.release();
    }
  }

  @Override
  public List<Coverage.Key> pinnedKeys(Connection reader) throws SQLException {
    List<Coverage.Key> keys = new ArrayList<>();
    KeyTable.load(reader)
        .forEach((n, p) -> keys.add(new Coverage.Key(n, p.key(), p.retiredAfter())));
    return keys;
  }
}
