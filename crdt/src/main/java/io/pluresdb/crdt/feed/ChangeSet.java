package io.pluresdb.crdt.feed;

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
 */
public record ChangeSet(
    String txId,
    String node,
    boolean local,
    List<EntityChange> changes,
    List<SchemaChange> schemaChanges) {
  public ChangeSet {
    changes = List.copyOf(changes);
    schemaChanges = List.copyOf(schemaChanges);
  }
}
