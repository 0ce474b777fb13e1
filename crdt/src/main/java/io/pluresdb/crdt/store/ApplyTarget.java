package io.pluresdb.crdt.store;

import io.pluresdb.crdt.feed.EntityChange;
import io.pluresdb.crdt.op.LogEntry;
import io.pluresdb.crdt.op.Transaction;
import io.pluresdb.crdt.schema.Catalog;
import io.pluresdb.crdt.schema.SchemaChange;
import java.util.List;

/**
 * The store as a {@link RemoteApply} sees it: the writer and internal tables it writes through, the
 * committed state a call starts from, and where it hands each applied transaction once the call has
 * committed. Kept this narrow so that remote apply depends on what it uses, not on the store's
 * fields, and {@link RemoteTarget} alone decides how a commit is published (clock, version vector,
 * feed).
 *
 * <p>Called only while the store's writer permit is held.
 */
interface ApplyTarget {

  /** The one writer connection, in the state the permit holder left it. */
  Writer writer();

  /** The internal tables (log, version vector, pending, catalog). */
  Meta meta();

  /** The last committed log position. */
  long lastSeq();

  /** The committed version of {@code node}, or null when nothing of it is held. */
  Meta.Version version(long node);

  /** The committed catalog (the writer's is put back to it when a call rolls back). */
  Catalog catalog();

  /** Makes a transaction of a committed call visible: called once per transaction, in order. */
  void published(Committed c);

  /**
   * A remote transaction as committed.
   *
   * @param tx the transaction
   * @param entry its log entry (the record as received, at its position in this node's log)
   * @param changes the rows it changed
   * @param schema the schema changes it made
   */
  record Committed(
      Transaction tx, LogEntry entry, List<EntityChange> changes, List<SchemaChange> schema) {}
}
