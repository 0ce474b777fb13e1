package io.pluresdb.crdt.store;

import java.sql.SQLException;
import java.time.Duration;

/**
 * The database identity a node replicates under (see {@link Store#joinDatabase}): a fresh store's
 * random id may be replaced by a peer's once, after which it is sealed. Kept in {@code _pl_meta},
 * so changing it is a write and takes the writer permit.
 *
 * <p>Thread-safe: changes hold the {@link WriterPermit}; the current id is volatile, so {@link
 * #id()} needs no permit.
 */
final class DatabaseIdentity {
  static final String NODE_NUMBER = "node_number";

  private final WriterPermit permit;
  private final Writer w;
  private final Meta meta;
  private final Duration wait;
  private volatile String id;
  private volatile int number;

  /**
   * @param id the identity as read while opening
   * @param wait how long a change waits for the writer
   */
  DatabaseIdentity(WriterPermit permit, Writer w, Meta meta, String id, int number, Duration wait) {
    this.number = number;
    this.permit = permit;
    this.w = w;
    this.meta = meta;
    this.id = id;
    this.wait = wait;
  }

  String id() {
    return id;
  }

  /** This node's number in the database (see {@link Store#nodeNumber()}). */
  int nodeNumber() {
    return number;
  }

  /** The node number kept in {@code _pl_meta} (key {@code node_number}), 0 when none. */
  static int number(Meta meta) throws SQLException {
    String n = meta.get(NODE_NUMBER);
    return n == null ? 0 : Integer.parseInt(n);
  }

  /** Joins {@code other}: true if this store now has it, sealed; false if sealed to another. */
  boolean join(String other) throws SQLException {
    permit.acquire(wait);
    try {
      if (other.equals(id)) {
        // the same id may still be unsealed: joining seals it
        if (!meta.databaseSealed()) {
          meta.adoptDatabase(other);
          w.commit();
        }
        return true;
      }
      if (meta.databaseSealed()) {
        return false;
      }
      meta.adoptDatabase(other);
      w.commit();
      id = other;
      return true;
    } finally {
      permit.release();
    }
  }

  boolean sealed() throws SQLException {
    permit.acquire(wait);
    try {
      return meta.databaseSealed();
    } finally {
      permit.release();
    }
  }
}
