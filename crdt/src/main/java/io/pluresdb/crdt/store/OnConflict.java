package io.pluresdb.crdt.store;

/** What an insert does when a live row with the same key already exists. */
public enum OnConflict {
  /** Fail with SQLState 23505. */
  ERROR,
  /** Skip the row. */
  IGNORE
}
