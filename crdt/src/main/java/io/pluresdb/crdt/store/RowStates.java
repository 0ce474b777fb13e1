package io.pluresdb.crdt.store;

import io.pluresdb.crdt.op.Coverage;
import io.pluresdb.crdt.op.RowState;
import io.pluresdb.crdt.op.RowStateBatch;
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
   * Merges row states atomically (all of the batch or none), each entity by the join of {@link
   * io.pluresdb.crdt.op.RowState}; when the batch carries a {@link Coverage} (the last batch of a
   * snapshot), the covered transactions count as held from then on, so catch-up asks only for the
   * log after them and drops them as duplicates when they come again. The node's clock passes every
   * id merged. A row state of a table this node does not have refuses the batch (42P01); one of a
   * table dropped here is ignored, as its operations would be.
   */
  void merge(RowStateBatch batch) throws SQLException;

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
