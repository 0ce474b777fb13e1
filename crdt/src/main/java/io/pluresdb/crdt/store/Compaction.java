package io.pluresdb.crdt.store;

import io.pluresdb.crdt.clock.OpId;
import io.pluresdb.crdt.op.OpKind;
import io.pluresdb.crdt.op.Operation;
import io.pluresdb.crdt.op.Transaction;
import io.pluresdb.crdt.op.TxCodec;
import io.pluresdb.crdt.op.VersionVector;
import io.pluresdb.crdt.schema.TableDef;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Folds history away ({@link Store#compact}). A transaction goes once every known peer ({@link
 * PeerAcks}) acknowledged holding it and it is older than the retention: its operations are merged
 * into their entities' {@link FoldedStates} (where reads of the past start), and its log record and
 * entity-index entries are deleted. Per writing node that is a prefix of its transactions (a node's
 * transactions are applied in order), so the horizon is a version vector ({@link HistoryHorizon}),
 * and every transaction at or below it that is absent from the log counts as held ({@link Folded}).
 * Transactions that change the schema stay, so the log still rebuilds the catalog; so does the
 * newest record, whose position numbers the next. Then tombstones whose every register is below the
 * horizon go.
 *
 * <p>It works in small write transactions, each taking the writer permit for a batch of records, so
 * writers wait at most one batch.
 *
 * <p>Thread-safe: runs are serialized on this object; each batch holds the permit.
 */
final class Compaction {
  private static final int BATCH = 256;
  private static final Duration WAIT = Duration.ofSeconds(30);

  private final WriterPermit permit;
  private final Writer w;
  private final CommittedState state;
  private final PeerAcks peers;
  private final HistoryHorizon horizon;
  private final Clock clock;
  private final AtomicLong foldedTotal = new AtomicLong();

  Compaction(
      WriterPermit permit,
      Writer w,
      CommittedState state,
      PeerAcks peers,
      HistoryHorizon horizon,
      Clock clock) {
    this.permit = permit;
    this.w = w;
    this.state = state;
    this.peers = peers;
    this.horizon = horizon;
    this.clock = clock;
  }

  /** Log records folded away since the store opened. */
  long foldedTotal() {
    return foldedTotal.get();
  }

  synchronized Compacted run(Duration retention) throws SQLException {
    long cutoff = clock.millis() - retention.toMillis();
    Map<Long, OpId> target = targets();
    long last = state.lastSeq();
    long after = 0;
    long folded = 0;
    Set<Long> blocked = new HashSet<>();
    boolean more = true;
    while (more) {
      permit.acquire(WAIT);
      try {
        peers.save(w);
        Batch b = new Batch(after, last, target, cutoff, blocked);
        b.run();
        w.commit();
        horizon.committed();
        folded += b.folded;
        foldedTotal.addAndGet(b.folded);
        after = b.cursor;
        more = b.more && !blocked.containsAll(target.keySet());
      } catch (SQLException | RuntimeException e) {
        w.rollbackAfter(e, state.catalog());
        horizon.reload();
        throw e;
      } finally {
        permit.release();
      }
    }
    // Tombstones stay: a peer behind the horizon catches up by row states, and a deleted row's
    // tombstone state is how such a peer learns of the delete (without it, the row would live on
    // there). They may go once a snapshot's receiver drops the rows its coverage holds but the
    // snapshot lacks.
    long tombs = 0;
    return new Compacted(folded, tombs, horizon.vector());
  }

  /**
   * Per writing node, the last transaction every known peer holds (this node holds its whole
   * version vector); a node some peer holds nothing of is absent.
   */
  private Map<Long, OpId> targets() {
    Map<Long, OpId> out = new HashMap<>(state.versionVector().last());
    for (PeerAck a : peers.all()) {
      for (Long node : Set.copyOf(out.keySet())) {
        OpId held = a.holds().lastOf(node);
        if (held == null) {
          out.remove(node);
        } else if (held.compareTo(out.get(node)) < 0) {
          out.put(node, held);
        }
      }
    }
    VersionVector done = horizon.vector();
    out.values().removeIf(done::covers); // folded up to there already
    return out;
  }

  /** One write transaction's worth of log records, read in log order after {@code after}. */
  private final class Batch {
    private final long after;
    private final long last;
    private final Map<Long, OpId> target;
    private final long cutoff;
    private final Set<Long> blocked;
    private final FoldedStates states = new FoldedStates(w);
    long cursor;
    long folded;
    boolean more;

    Batch(long after, long last, Map<Long, OpId> target, long cutoff, Set<Long> blocked) {
      this.after = after;
      this.last = last;
      this.target = target;
      this.cutoff = cutoff;
      this.blocked = blocked;
      this.cursor = after;
    }

    void run() throws SQLException {
      PreparedStatement ps =
          w.prepare(
              "SELECT seq, tx, node, data FROM _pl_log WHERE seq > ? AND seq < ? ORDER BY seq LIMIT ?");
      ps.setLong(1, after);
      ps.setLong(2, last);
      ps.setInt(3, BATCH);
      Map<Long, byte[]> records = new java.util.LinkedHashMap<>();
      int read = 0;
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          read++;
          cursor = rs.getLong(1);
          long node = rs.getLong(3);
          OpId tx = OpId.fromBytes(rs.getBytes(2));
          OpId t = target.get(node);
          if (blocked.contains(node)) {
            continue;
          }
          if (t == null || tx.compareTo(t) > 0 || tx.millis() > cutoff) {
            blocked.add(node); // its later transactions are later still
            continue;
          }
          records.put(cursor, rs.getBytes(4));
        }
      }
      more = read == BATCH;
      for (Map.Entry<Long, byte[]> r : records.entrySet()) {
        Transaction tx = TxCodec.decode(r.getValue());
        if (tx.ops().stream().anyMatch(op -> op.kind() == OpKind.SCHEMA)) {
          continue;
        }
        states.fold(tx);
        forget(r.getKey(), tx);
        horizon.folded(tx);
        folded++;
      }
      states.flush();
      horizon.save(w);
    }

    /** Deletes the record at {@code seq} and its entity-index entries. */
    private void forget(long seq, Transaction tx) throws SQLException {
      PreparedStatement index =
          w.prepare(
              "DELETE FROM " + LogHistory.ENTITY_INDEX + " WHERE tbl=? AND entity=? AND seq=?");
      Set<String> done = new HashSet<>();
      for (Operation op : tx.ops()) {
        String entity = LogHistory.entity(op.key());
        TableDef def = w.catalog().table(op.table());
        // a local transaction is indexed under the catalog's name, a remote one as written
        Set<String> names = new HashSet<>(Set.of(op.table()));
        if (def != null) {
          names.add(def.name());
        }
        for (String name : names) {
          if (done.add(name + '\0' + entity)) {
            index.setString(1, name);
            index.setString(2, entity);
            index.setLong(3, seq);
            index.executeUpdate();
          }
        }
      }
      PreparedStatement log = w.prepare("DELETE FROM _pl_log WHERE seq=?");
      log.setLong(1, seq);
      log.executeUpdate();
    }
  }
}
