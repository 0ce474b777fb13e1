package io.pluresdb.sync.protocol;

import io.pluresdb.crdt.op.Coverage;
import io.pluresdb.crdt.op.RowState;
import io.pluresdb.crdt.op.RowStateBatch;
import io.pluresdb.crdt.op.RowStateCodec;
import io.pluresdb.crdt.op.VersionVector;
import io.pluresdb.crdt.store.RowStates;
import java.sql.SQLException;
import java.util.List;

/**
 * The sending half of row-state catch-up: reads a snapshot ({@link RowStates.Snapshot}) a part at a
 * time and sends each as a {@link Message.States}, the first with the snapshot's coverage, the last
 * flagged, with at most {@code window} parts unacknowledged, so a slow peer never grows memory (the
 * rest stays in the open read). A part aims at {@code batchMaxBytes} of rows: its row count follows
 * the size of the rows sent last; a part that would not fit in a frame is split, and a single row
 * that does not fit closes the session (TOO_LARGE).
 *
 * <p>Not thread-safe: owned by one session.
 */
final class SnapshotOut implements AutoCloseable {
  /** Bytes of a part's frame beyond its body, as an upper bound (type, seqNo, flag, length). */
  private static final int FRAME_OVERHEAD = 24;

  private static final int MAX_ROWS = 8192;

  private final RowStates.Snapshot snapshot;
  private final SyncConfig config;
  private final Wire wire;
  private final long schemaSeq;
  private long nextSeqNo = 1;
  private long acked;
  private int rowsPerPart = 256;
  private long sentRows;
  private boolean allSent;
  private boolean closed;

  SnapshotOut(RowStates.Snapshot snapshot, SyncConfig config, Wire wire, VersionVector peerHolds) {
    this.snapshot = snapshot;
    this.schemaSeq = snapshot.schemaSeq(peerHolds);
    this.config = config;
    this.wire = wire;
  }

  Coverage coverage() {
    return snapshot.coverage();
  }

  /** The log position the peer needs before the first part (see {@link RowStates.Snapshot}). */
  long schemaSeq() {
    return schemaSeq;
  }

  /** Sends parts while the window is open; the read ends with the last part. */
  void pump(Outbox out) throws SQLException, ProtocolException {
    while (!allSent && nextSeqNo - 1 - acked < config.window()) {
      List<RowState> rows = snapshot.next(rowsPerPart);
      // fewer rows than asked for: the reading has ended
      boolean last = rows.size() < rowsPerPart;
      send(rows, last, out);
      if (last) {
        allSent = true;
        close();
      }
    }
  }

  private void send(List<RowState> rows, boolean last, Outbox out) throws ProtocolException {
    byte[] body = RowStateCodec.encode(new RowStateBatch(rows, nextSeqNo == 1 ? coverage() : null));
    if (body.length + FRAME_OVERHEAD > config.maxFrameBytes() && rows.size() > 1) {
      int half = rows.size() / 2;
      send(rows.subList(0, half), false, out);
      send(rows.subList(half, rows.size()), last, out);
      return;
    }
    if (body.length + FRAME_OVERHEAD > config.maxFrameBytes()) {
      throw new ProtocolException(
          CloseReason.Code.TOO_LARGE,
          "the row state of table '"
              + rows.get(0).table()
              + "' is "
              + body.length
              + " bytes, beyond the frame limit of "
              + config.maxFrameBytes());
    }
    if (!rows.isEmpty()) {
      long perRow = Math.max(1, body.length / rows.size());
      rowsPerPart = (int) Math.max(16, Math.min(MAX_ROWS, config.batchMaxBytes() / perRow));
    }
    sentRows += rows.size();
    wire.send(new Message.States(nextSeqNo++, last, body), out);
  }

  /** The peer merged every part up to {@code seqNo}. */
  void acked(long seqNo) throws ProtocolException {
    if (seqNo <= acked || seqNo >= nextSeqNo) {
      throw new ProtocolException(
          CloseReason.Code.MALFORMED,
          "acknowledgement of row-state part "
              + seqNo
              + ", but parts in flight are "
              + (acked + 1)
              + ".."
              + (nextSeqNo - 1));
    }
    acked = seqNo;
  }

  /** True once the last part went out. */
  boolean allSent() {
    return allSent;
  }

  long sentRows() {
    return sentRows;
  }

  /** Parts sent and not yet acknowledged. */
  long unacked() {
    return nextSeqNo - 1 - acked;
  }

  /** Ends the snapshot's read (at the last part, or when the session closes before). */
  @Override
  public void close() throws SQLException {
    if (!closed) {
      closed = true;
      snapshot.close();
    }
  }
}
