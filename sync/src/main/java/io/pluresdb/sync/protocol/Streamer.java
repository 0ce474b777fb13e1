package io.pluresdb.sync.protocol;

import io.pluresdb.crdt.clock.OpId;
import io.pluresdb.crdt.op.LogEntry;
import io.pluresdb.crdt.op.Transaction;
import io.pluresdb.crdt.op.VersionVector;
import io.pluresdb.crdt.store.Store;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The sending half of a session: catch-up and live streaming are one mechanism, because this node's
 * log is the queue. A cursor walks the log in order (which is causal order); each entry the peer is
 * not known to hold is sent, in batches bounded by count and bytes, with at most {@code window}
 * batches unacknowledged. What the peer holds is its hello's version vector plus every transaction
 * sent to it or received from it, so a transaction is never sent back to a peer known to hold it
 * and relaying through a mesh de-duplicates itself. A slow peer never grows memory: when the window
 * is full the backlog stays in the log, and the cursor catches up from {@link Store#readLog} when
 * acknowledgements open the window again. A reconnecting peer resumes where its last session left
 * off ({@link ResumePoints}). See {@link Access} for the read rule.
 *
 * <p>Not thread-safe: owned by one session.
 */
final class Streamer {
  /** Bytes of a batch frame beyond its records' bytes, as an upper bound (type, seqNo, counts). */
  private static final int FRAME_OVERHEAD = 16;

  private static final int RECORD_OVERHEAD = 5;

  private final Store store;
  private final SyncConfig config;
  private final Wire wire;
  private final Access access;
  private final ResumePoints resume;
  private final String peer;
  private final ArrayDeque<long[]> inFlight = new ArrayDeque<>();
  private final Set<Long> withheld = new HashSet<>();
  private final HeldVector peerHolds;
  private long cursor;
  private long hold = Long.MAX_VALUE; // nothing after this log position goes out (a snapshot does)
  private long firstWithheld = Long.MAX_VALUE;
  private long nextSeqNo = 1;
  private List<LogEntry> page = List.of();
  private int pageAt;
  private long unackedTransactions;
  private long sentTransactions;
  private boolean caughtUp;

  Streamer(
      Store store,
      SyncConfig config,
      Wire wire,
      Access access,
      ResumePoints resume,
      String peer,
      VersionVector peerHolds) {
    this.store = store;
    this.config = config;
    this.wire = wire;
    this.access = access;
    this.peer = peer;
    this.peerHolds = new HeldVector(peerHolds);
    this.resume = resume;
    this.cursor = resume.resumeAfter(peer, peerHolds);
    // a peer is known to hold what its hello says: compaction keeps what it lacks
    store.history().peerHolds(peer, peerHolds);
  }

  /** Sends nothing after log position {@code seq} until {@link #release} (see {@link CatchUp}). */
  void holdAfter(long seq) {
    hold = seq;
  }

  /** Sends the log after the hold again; the peer holds the transactions {@code covered}. */
  void release(VersionVector covered, Outbox out) throws SQLException, ProtocolException {
    covered.last().values().forEach(peerHolds::add);
    hold = Long.MAX_VALUE;
    pump(out);
  }

  /** The peer holds {@code txId} (it sent it to us). */
  void peerHolds(OpId txId) {
    peerHolds.add(txId);
  }

  /**
   * Transactions committed on this node, in log order: those next after the cursor go out at once,
   * several in a batch, while the window is open; after a gap (entries not handed over, or already
   * read from the log) the log is read instead, and past a full window the rest wait in the log.
   * Only the cursor decides what is sent, so nothing is sent twice or skipped. An empty list only
   * catches up from the log.
   */
  void committed(List<LogEntry> entries, Outbox out) throws SQLException, ProtocolException {
    List<LogEntry> batch = new ArrayList<>();
    int bytes = FRAME_OVERHEAD;
    boolean gap = entries.isEmpty();
    for (LogEntry e : entries) {
      if (e.seq() <= cursor) {
        continue;
      }
      if (e.seq() != cursor + 1 || e.seq() > hold) {
        gap = true;
        break;
      }
      if (owed(e)) {
        checkFits(e);
        int size = e.record().length + RECORD_OVERHEAD;
        if (!batch.isEmpty()
            && (bytes + size > config.maxFrameBytes()
                || batch.size() >= config.batchMaxTransactions()
                || bytes - FRAME_OVERHEAD >= config.batchMaxBytes())) {
          send(batch, out);
          batch = new ArrayList<>();
          bytes = FRAME_OVERHEAD;
        }
        if (batch.isEmpty() && inFlight.size() >= config.window()) {
          return;
        }
        peerHolds(e.txId());
        batch.add(e);
        bytes += size;
      }
      cursor = e.seq();
    }
    if (!batch.isEmpty()) {
      send(batch, out);
    }
    if (gap) {
      pump(out);
    }
  }

  /** The peer applied every batch up to {@code seqNo}. */
  void acked(long seqNo, Outbox out) throws SQLException, ProtocolException {
    if (inFlight.isEmpty() || seqNo < inFlight.peekFirst()[0] || seqNo >= nextSeqNo) {
      throw new ProtocolException(
          CloseReason.Code.MALFORMED,
          "acknowledgement of batch " + seqNo + ", but batches in flight are " + inFlightRange());
    }
    while (!inFlight.isEmpty() && inFlight.peekFirst()[0] <= seqNo) {
      unackedTransactions -= inFlight.pollFirst()[1];
    }
    pump(out);
    saveResumePoint();
  }

  /** With nothing in flight, records that the peer holds all up to the cursor but withheld ones. */
  private void saveResumePoint() {
    if (inFlight.isEmpty()) {
      VersionVector held = peerHolds.snapshot();
      resume.save(peer, Math.min(cursor, firstWithheld - 1), held);
      store.history().peerHolds(peer, held);
    }
  }

  private String inFlightRange() {
    return inFlight.isEmpty() ? "none" : inFlight.peekFirst()[0] + ".." + inFlight.peekLast()[0];
  }

  /**
   * Sends owed log entries after the cursor while the window is open. The log is read a page at a
   * time and what a frame does not take stays for the next one (at most one page per session, and
   * none once caught up), so catching up reads each entry once.
   */
  void pump(Outbox out) throws SQLException, ProtocolException {
    while (inFlight.size() < config.window()) {
      List<LogEntry> records = new ArrayList<>();
      long pos = cursor;
      int bytes = FRAME_OVERHEAD;
      boolean exhausted = false;
      while (true) {
        LogEntry e = nextAfter(pos);
        if (e == null) {
          exhausted = true;
          break;
        }
        if (owed(e)) {
          int size = e.record().length + RECORD_OVERHEAD;
          if (records.isEmpty()) {
            checkFits(e);
          } else if (bytes + size > config.maxFrameBytes()) {
            break; // e stays in the page for the next frame
          }
          records.add(e);
          peerHolds(e.txId());
          bytes += size;
        }
        pageAt++;
        pos = e.seq();
        if (records.size() >= config.batchMaxTransactions()
            || bytes - FRAME_OVERHEAD >= config.batchMaxBytes()) {
          break;
        }
      }
      cursor = pos;
      if (!records.isEmpty()) {
        send(records, out);
      }
      if (exhausted) {
        page = List.of();
        pageAt = 0;
        caughtUp = hold == Long.MAX_VALUE;
        saveResumePoint();
        return;
      }
    }
  }

  /**
   * The log entry right after {@code pos}, from the page read last when it is there (the cursor
   * only moves forward, so the rest of a page read after an earlier position is the log after
   * {@code pos}), else from a new page; null when the log ends at {@code pos}.
   */
  private @Nullable LogEntry nextAfter(long pos) throws SQLException {
    if (pos >= hold) {
      return null;
    }
    while (pageAt < page.size() && page.get(pageAt).seq() <= pos) {
      pageAt++;
    }
    if (pageAt < page.size()) {
      return page.get(pageAt);
    }
    if (pos >= store.lastSeq()) {
      // the cursor is in memory: a caught-up peer costs no read of the log (every entry after
      // lastSeq reaches committed(), which the store calls after lastSeq moves)
      return null;
    }
    page = store.readLog(pos, config.batchMaxTransactions());
    pageAt = 0;
    return page.isEmpty() ? null : page.get(0);
  }

  private void checkFits(LogEntry e) throws ProtocolException {
    if (e.record().length + RECORD_OVERHEAD + FRAME_OVERHEAD > config.maxFrameBytes()) {
      throw new ProtocolException(
          CloseReason.Code.TOO_LARGE,
          "transaction "
              + e.txId()
              + " is "
              + e.record().length
              + " bytes, beyond the frame limit of "
              + config.maxFrameBytes());
    }
  }

  /** Whether the peer should get {@code e} (an unreadable one withholds its node's later ones). */
  private boolean owed(LogEntry e) {
    OpId id = e.txId();
    if (peerHolds.covers(id)) {
      return false;
    }
    if (withheld.contains(id.node())) {
      firstWithheld = Math.min(firstWithheld, e.seq());
      return false;
    }
    if (!access.readsAll()) {
      Transaction tx = e.transaction();
      if (!access.mayRead(tx)) {
        withheld.add(id.node());
        firstWithheld = Math.min(firstWithheld, e.seq());
        return false;
      }
    }
    return true;
  }

  private void send(List<LogEntry> entries, Outbox out) {
    long seqNo = nextSeqNo++;
    inFlight.addLast(new long[] {seqNo, entries.size()});
    unackedTransactions += entries.size();
    sentTransactions += entries.size();
    wire.sendBatch(seqNo, entries, out);
  }

  /** The log position up to which every entry was sent to the peer or is not owed to it. */
  long cursor() {
    return cursor;
  }

  boolean caughtUp() {
    return caughtUp;
  }

  long sentTransactions() {
    return sentTransactions;
  }

  /** Log entries not yet examined plus transactions sent and not yet acknowledged. */
  long lag() {
    return Math.max(0, store.lastSeq() - cursor) + unackedTransactions;
  }
}
