package io.pluresdb.crdt.feed;

import io.pluresdb.crdt.op.LogEntry;
import io.pluresdb.crdt.schema.SchemaChange;
import java.util.List;

/**
 * One committed transaction as seen by subscribers.
 *
 * @param txId the transaction id
 * @param node the node that wrote it
 * @param local true when written on this node
 * @param changes the entities it changed, with their new state
 * @param schemaChanges the schema changes it made
 * @param entry the transaction as logged: its log position and encoded record (what replication
 *     forwards, and where an index that follows the feed resumes after a restart)
 */
public record ChangeSet(
    String txId,
    String node,
    boolean local,
    List<EntityChange> changes,
    List<SchemaChange> schemaChanges,
    LogEntry entry) {
  public ChangeSet {
    changes = List.copyOf(changes);
    schemaChanges = List.copyOf(schemaChanges);
  }
}
