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

  /** The {@code _pl_meta} key of the next number the creator hands out (absent: 1). */
  static final String NUMBER_NEXT = "node_number_next";

  /** Node numbers are 0 to 2^23 - 1: what 64-bit columns have blocks for (see KeyRange). */
  static final int NUMBERS = 1 << 23;

  private final WriterPermit permit;
  private final Writer w;
  private final Meta meta;
  private final Duration wait;
  private final JoinGate gate;
  private volatile String id;
  private volatile int number;
  private volatile boolean dialsPeers;

  /**
   * @param id the identity as read while opening
   * @param wait how long a change waits for the writer
   */
  DatabaseIdentity(WriterPermit permit, Writer w, Meta meta, String id, int number, Duration wait)
      throws SQLException {
    this.gate = new JoinGate(meta.databaseSealed());
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

  /**
   * Hands out the next node number to a fresh node joining this database: only a node that still
   * has no number assigned (the database's creator, number 0) holds the pool, so no two nodes can
   * hand out the same number. Returns -1 when this node holds no pool or the pool is used up.
   */
  int handOut() throws SQLException {
    permit.acquire(wait);
    try {
      if (meta.get(NODE_NUMBER) != null) {
        return -1;
      }
      String next = meta.get(NUMBER_NEXT);
      int n = next == null ? 1 : Integer.parseInt(next);
      if (n >= NUMBERS) {
        return -1;
      }
      meta.put(NUMBER_NEXT, Integer.toString(n + 1));
      w.commit();
      return n;
    } finally {
      permit.release();
    }
  }

  /**
   * Takes the number a joined node handed out ({@code -1}: none, the node stays without one and
   * generates only 64-bit keys), giving up the creator's pool. A node that already has a number, or
   * a creator that handed numbers out, keeps what it has.
   */
  void take(int n) throws SQLException {
    permit.acquire(wait);
    try {
      if (meta.get(NODE_NUMBER) != null || meta.get(NUMBER_NEXT) != null) {
        return;
      }
      meta.put(NODE_NUMBER, Integer.toString(n));
      w.commit();
      number = n;
    } finally {
      permit.release();
    }
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
      // sealed now, to this id or another (the caller refuses the peer): nothing more to wait for
      gate.settle();
    }
  }

  /** An attempt to reach a peer begins (see {@link Store#dialing}); returns its end. */
  Runnable attempt() {
    dialsPeers = true;
    return gate.attempt();
  }

  /** Whether this node dials peers: while its identity is fresh, it is provisional. */
  boolean dialsPeers() {
    return dialsPeers;
  }

  JoinGate gate() {
    return gate;
  }

  boolean sealed() throws SQLException {
    permit.acquire(wait);
    try {
      boolean sealed = meta.databaseSealed();
      if (sealed) {
        gate.settle();
      }
      return sealed;
    } finally {
      permit.release();
    }
  }
}
