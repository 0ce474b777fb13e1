package io.pluresdb.crdt.feed;

/**
 * An entity's change within a committed transaction.
 *
 * @param table the collection
 * @param key the entity key, in key-column order
 * @param kind what happened to the row
 * @param row the row's new state in declared column order (canonical values), or null if deleted
 */
public record EntityChange(String table, Object[] key, Kind kind, Object[] row) {
  public enum Kind {
    INSERT,
    UPDATE,
    DELETE
  }
}
