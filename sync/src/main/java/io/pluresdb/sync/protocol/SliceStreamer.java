package io.pluresdb.sync.protocol;

import io.pluresdb.crdt.op.Coverage;
import io.pluresdb.crdt.op.LogEntry;
import io.pluresdb.crdt.op.OpKind;
import io.pluresdb.crdt.op.Operation;
import io.pluresdb.crdt.op.Transaction;
import io.pluresdb.crdt.op.VersionVector;
import io.pluresdb.crdt.schema.Catalog;
import io.pluresdb.crdt.store.Store;
import io.pluresdb.sync.auth.PolicyAgent.Principal;
import io.pluresdb.sync.policy.ReadSlice;
import io.pluresdb.sync.scope.Scope;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sending half of a session with a client that holds a slice of the database (it declared
 * scopes, or its user is held to read policies): in place of the {@link Streamer}, which sends
 * whole transactions, it sends rows. Schema transactions go as records (they reveal names, not
 * rows, as {@link Access} says); a data transaction's rows go as {@link Message.Rows} (states of
 * those in the slice, removals of those that left it, see {@link SliceSender}), and the transaction
 * itself as covered, so that the client's log of each writer has no gap before that writer's next
 * schema record. The session opens with the schema the client lacks, then the whole slice; after
 * that each committed transaction is examined in log order.
 *
 * <p>A transaction that mixes schema and data changes is sent as data: its schema part does not
 * reach the client.
 *
 * <p>Not thread-safe: owned by one session.
 */
final class SliceStreamer {
  private static final Logger LOG = LoggerFactory.getLogger(SliceStreamer.class);

  private final Store store;
  private final SyncConfig config;
  private final Wire wire;
  private final Principal who;
  private final List<Scope> scopes;
  private final long peerNode;
  private final HeldVector peerHolds;
  private final SliceSender rows;
  private final Map<Long, Coverage.Held> covered = new HashMap<>();
  private final ArrayDeque<Long> inFlight = new ArrayDeque<>();
  private @Nullable ReadSlice slice;
  private long sliceVersion = -1;
  private long cursor;
  private long nextSeqNo = 1;
  private long sentTransactions;
  private boolean caughtUp;

  SliceStreamer(
      Store store,
      SyncConfig config,
      Wire wire,
      Principal who,
      List<Scope> scopes,
      String peer,
      VersionVector peerHolds) {
    this.store = store;
    this.config = config;
    this.wire = wire;
    this.who = who;
    this.scopes = List.copyOf(scopes);
    this.peerNode = Long.parseLong(peer, 16);
    this.peerHolds = new HeldVector(peerHolds);
    this.rows = new SliceSender(store, wire);
  }

  /** Sends the schema the client lacks, then its whole slice. */
  void start(Outbox out) throws SQLException {
    walk(List.of(), out, false);
    rows.whole(slice(), coverage(true), out);
    caughtUp = true;
  }

  /** Transactions committed on this node, in log order (or none: read the log). */
  void committed(List<LogEntry> entries, Outbox out) throws SQLException {
    walk(entries, out, true);
  }

  /** The client applied every schema batch up to {@code seqNo}. */
  void acked(long seqNo) throws ProtocolException {
    if (seqNo >= nextSeqNo) {
      throw new ProtocolException(
          CloseReason.Code.MALFORMED,
          "acknowledgement of batch " + seqNo + ", but the last sent is " + (nextSeqNo - 1));
    }
    while (!inFlight.isEmpty() && inFlight.peekFirst() <= seqNo) {
      inFlight.pollFirst();
    }
  }

  private void walk(List<LogEntry> given, Outbox out, boolean live) throws SQLException {
    Map<String, List<Object[]>> touched = new LinkedHashMap<>();
    Set<List<Object>> peerWrote = new HashSet<>();
    boolean reslice = false;
    List<LogEntry> page = given;
    int at = 0;
    while (true) {
      if (at < page.size() && page.get(at).seq() <= cursor) {
        at++;
        continue;
      }
      if (at >= page.size() || page.get(at).seq() != cursor + 1) {
        if (cursor >= store.lastSeq()) {
          break;
        }
        page = store.readLog(cursor, config.batchMaxTransactions());
        at = 0;
        if (page.isEmpty()) {
          break;
        }
        continue;
      }
      LogEntry e = page.get(at++);
      cursor = e.seq();
      if (peerHolds.covers(e.txId())) {
        continue;
      }
      Transaction tx = e.transaction();
      if (tx.ops().stream().allMatch(op -> op.kind() == OpKind.SCHEMA)) {
        // the writer's earlier transactions are covered first: its record chains to them
        if (live && !reslice) {
          rows.touched(slice(), touched, peerWrote, coverage(true), out);
        } else {
          rows.flush(coverage(true), out);
        }
        touched.clear();
        sendRecord(e, out);
        reslice = live;
        continue;
      }
      if (tx.ops().stream().anyMatch(op -> op.kind() == OpKind.SCHEMA)) {
        LOG.warn(
            "transaction {} mixes schema and data: its schema is not sent to a slice", tx.id());
      }
      covered.put(tx.node(), new Coverage.Held(tx.id(), tx.lastId()));
      if (live) {
        for (Operation op : tx.ops()) {
          if (op.kind() == OpKind.SCHEMA) {
            continue;
          }
          touched.computeIfAbsent(op.table(), t -> new ArrayList<>()).add(op.key());
          if (tx.node() == peerNode) {
            peerWrote.add(SliceSender.tagged(op.table(), op.key()));
          }
          reslice |= slice().readsOther(op.table());
        }
      }
    }
    if (live) {
      if (reslice) {
        rows.whole(slice(), coverage(false), out);
      } else {
        rows.touched(slice(), touched, peerWrote, coverage(false), out);
      }
    }
  }

  private void sendRecord(LogEntry e, Outbox out) {
    long seqNo = nextSeqNo++;
    inFlight.addLast(seqNo);
    sentTransactions++;
    peerHolds.add(e.txId());
    wire.sendBatch(seqNo, List.of(e), out);
  }

  /**
   * What is covered since the last call, with the writers' keys when a record may follow that needs
   * them (its writer's first transaction, which pins its key, may have been covered, not sent).
   */
  private Coverage coverage(boolean withKeys) throws SQLException {
    List<Coverage.Key> keys = List.of();
    if (withKeys) {
      try (Connection c = store.openReader()) {
        keys = store.rowStates().pinnedKeys(c);
      }
    }
    Coverage c = new Coverage(new ArrayList<>(covered.values()), keys);
    covered.clear();
    return c;
  }

  /** The slice for the current catalog. */
  private ReadSlice slice() {
    Catalog cat = store.catalog();
    if (slice == null || sliceVersion != cat.version()) {
      slice = ReadSlice.of(cat, who.user(), scopes, t -> config.agent().mayRead(who, t));
      sliceVersion = cat.version();
    }
    return slice;
  }

  long cursor() {
    return cursor;
  }

  boolean caughtUp() {
    return caughtUp;
  }

  long sentTransactions() {
    return sentTransactions + rows.sentRows();
  }

  long lag() {
    return Math.max(0, store.lastSeq() - cursor) + inFlight.size();
  }
}
