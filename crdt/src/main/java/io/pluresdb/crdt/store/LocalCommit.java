package io.pluresdb.crdt.store;

import io.pluresdb.crdt.clock.OpId;
import io.pluresdb.crdt.feed.ChangeSet;
import io.pluresdb.crdt.feed.EntityChange;
import io.pluresdb.crdt.feed.ListenerFeed;
import io.pluresdb.crdt.op.LogEntry;
import io.pluresdb.crdt.op.OpEncoder;
import io.pluresdb.crdt.schema.SchemaChange;
import java.sql.SQLException;
import java.util.List;

/**
 * The end of a {@link LocalWriteTxn}: a commit appends the transaction's one log record (signed by
 * this node's key, see {@link NodeIdentity}) and this node's new version, commits SQLite, then
 * publishes the new {@link CommittedState} and queues the change set; a rollback returns the writer
 * to the committed catalog. Either way the writer permit is released, and the change feed is
 * delivered only after that, so a subscriber that writes does not wait on its own caller.
 *
 * <p>Called by the thread that holds the {@link WriterPermit} for the transaction; its own state is
 * final and shared with the store.
 */
final class LocalCommit {
  private final WriterPermit permit;
  private final Writer w;
  private final Meta meta;
  private final CommittedState state;
  private final ListenerFeed feed;
  private final long node;
  private final String nodeId;
  private final NodeIdentity self;

  LocalCommit(
      WriterPermit permit,
      Writer w,
      Meta meta,
      CommittedState state,
      ListenerFeed feed,
      String nodeId,
      NodeIdentity self) {
    this.permit = permit;
    this.w = w;
    this.meta = meta;
    this.state = state;
    this.feed = feed;
    this.node = w.node;
    this.nodeId = nodeId;
    this.self = self;
  }

  /**
   * Commits; {@code enc} is null for a transaction that wrote no operation, which has nothing to
   * log or publish but still ends SQLite's open transaction. Always releases the permit.
   */
  void commit(OpEncoder enc, List<EntityChange> changes, List<SchemaChange> schemaChanges)
      throws SQLException {
    try {
      if (enc == null) {
        w.commit();
        return;
      }
      Meta.Version prev = state.version(node);
      OpId txId = enc.txId();
      // a node's first record carries its key (receivers pin it) and retires its legacy id
      byte[] record =
          prev == null
              ? enc.finishSigned(null, self.key(), true, self.retires())
              : enc.finishSigned(prev.tx(), self.key(), false, null);
      Meta.Version next = new Meta.Version(enc.last(), txId);
      long seq = state.nextSeq();
      meta.appendLog(w, seq, txId, record);
      LogIndex.addChanges(w, seq, changes);
      meta.saveVersion(w, node, next);
      if (!schemaChanges.isEmpty()) {
        meta.saveCatalog(w, w.catalog());
      }
      w.commit();
      state.committed(node, next, seq, w.catalog());
      feed.enqueue(
          new ChangeSet(
              txId.toString(),
              nodeId,
              true,
              changes,
              schemaChanges,
              new LogEntry(seq, txId, record)));
    } catch (SQLException | RuntimeException e) {
      w.rollbackAfter(e, state.catalog());
      throw e;
    } finally {
      permit.release();
      feed.drain();
    }
  }

  /** Rolls back to the committed state. Always releases the permit. */
  void rollback() throws SQLException {
    try {
      w.rollback();
      w.catalog(state.catalog());
    } finally {
      permit.release();
    }
  }
}
