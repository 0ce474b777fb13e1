package io.pluresdb.crdt.store;

import io.pluresdb.crdt.op.Coverage;
import io.pluresdb.crdt.op.RowState;
import io.pluresdb.crdt.op.RowStateBatch;
import io.pluresdb.crdt.op.VersionVector;
import java.sql.SQLException;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A store's row states (see {@link RowState}): read as a consistent snapshot, for a new node or a
 * peer behind the compaction horizon to catch up from, and merged by the same join as operations.
 *
 * <p>Thread-safe.
 */
public interface RowStates {

  /** Receives the row states of a snapshot, one at a time. */
  @FunctionalInterface
  interface Sink {
    void accept(RowState row) throws SQLException;
  }

  /**
   * Reads every entity's state as of one committed point (live rows, rows hidden by a UNIQUE
   * conflict, tombstones), table by table, handing each to {@code sink} while the read runs (so a
   * large table is never held in memory); returns the transactions the snapshot stands for. Writers
   * go on meanwhile; what they commit is not in the snapshot.
   */
  Coverage snapshot(Sink sink) throws SQLException;

  /**
   * Opens the same snapshot as {@link #snapshot}, to be read a batch at a time (a replication
   * session sends a batch per acknowledgement); the caller closes it, which ends its read.
   */
  Snapshot open() throws SQLException;

  /**
   * A snapshot being read: its coverage is known from the start (it is the committed point the
   * reading holds), the rows come in batches. Not thread-safe: one reader at a time.
   */
  interface Snapshot extends AutoCloseable {
    /** The transactions the snapshot stands for. */
    Coverage coverage();

    /**
     * The log position of the newest transaction in the snapshot that wrote no row (a schema
     * change) and that a peer holding {@code peerHolds} lacks, 0 when none: that peer needs the log
     * up to there first, since row states need their tables.
     */
    long schemaSeq(VersionVector peerHolds);

    /** Up to {@code maxRows} further row states; empty once every row was read. */
    java.util.List<RowState> next(int maxRows) throws SQLException;

    @Override
    void close() throws SQLException;
  }

  /**
   * Merges row states atomically (all of the batch or none), each entity by the join of {@link
   * io.pluresdb.crdt.op.RowState}; when the batch carries a {@link Coverage} (the last batch of a
   * snapshot), the covered transactions count as held from then on, so catch-up asks only for the
   * log after them and drops them as duplicates when they come again. The node's clock passes every
   * id merged. A row state of a table this node does not have refuses the batch (42P01); one of a
   * table dropped here is ignored, as its operations would be.
   */
  default void merge(RowStateBatch batch) throws SQLException {
    merge(batch, VersionVector.empty());
  }

  /**
   * Merges as {@link #merge(RowStateBatch)} does, for a batch of a snapshot that stands for the
   * transactions {@code snapshot} (its coverage, known before its last batch). When that covers
   * every transaction this node holds at the merge, a COUNTER takes the snapshot's total rather
   * than the value with the greater clock, which would drop increments this node made and sent
   * before the snapshot was read.
   */
  void merge(RowStateBatch batch, VersionVector snapshot) throws SQLException;

  /**
   * Per writing node, the last of its transactions this store may hold without its log record:
   * those merged as row states and those compaction folded away ({@code _pl_folded}, which both
   * raise). Read from the committed store; empty while the log holds everything held.
   */
  VersionVector horizon() throws SQLException;

  /**
   * Reads, on {@code reader} (a connection of {@link Store#openReader}), the states of the live
   * rows of {@code table} that meet {@code where} (an SQL condition over its columns, null for all,
   * its {@code ?} bound from {@code params} in order) and, when {@code keys} is not null, have one
   * of those keys: the part of a table a partial copy holds. A table this node does not have reads
   * nothing.
   */
  void read(
      java.sql.Connection reader,
      String table,
      @Nullable String where,
      List<@Nullable Object> params,
      @Nullable List<Object[]> keys,
      Sink sink)
      throws SQLException;

  /**
   * Removes the rows of {@code keys} from this node's copy of {@code table}, atomically and without
   * an operation: for a partial copy, whose rows leave it when they leave its slice while they go
   * on existing elsewhere. A row merged again later comes back.
   */
  void remove(String table, List<Object[]> keys) throws SQLException;

  /**
   * The writers' keys this node has pinned, read on {@code reader}: what a {@link Coverage} carries
   * so that its receiver can verify records of writers whose first transaction it never received.
   */
  List<Coverage.Key> pinnedKeys(java.sql.Connection reader) throws SQLException;
}
