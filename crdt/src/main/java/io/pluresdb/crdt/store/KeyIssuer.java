package io.pluresdb.crdt.store;

import io.pluresdb.crdt.clock.HybridLogicalClock;
import io.pluresdb.crdt.clock.IdGenerator;
import io.pluresdb.crdt.schema.KeyRange;
import io.pluresdb.crdt.schema.TableDef;
import java.sql.SQLException;

/**
 * Issues generated keys by the node's place in its database. A node with a number numbers its block
 * ({@link KeyNumbering}); a node without one gives 64-bit columns clock-based ids. A node that has
 * joined nobody is its database's potential creator, number 0: its first key from block 0 seals its
 * database identity, so that it never adopts another database (whose creator numbers the same
 * block): two such nodes refuse each other (WRONG_DATABASE) rather than collide.
 *
 * <p>A node that dials peers and has not joined one yet is provisional: it expects to join a
 * database that already has a creator, so a 64-bit key it generates comes from the clock (unique
 * without a number) and leaves its identity fresh for the peer's. Only a 32-bit key, which must
 * come from a block, still makes it a creator.
 *
 * <p>Not thread-safe: called by the write transaction that holds the writer permit.
 */
final class KeyIssuer {
  private final DatabaseIdentity identity;
  private final Meta meta;
  private final Writer writer;
  private final KeyNumbering keys;
  private final IdGenerator ids;
  private final HybridLogicalClock clock;

  KeyIssuer(
      DatabaseIdentity identity,
      Meta meta,
      Writer writer,
      IdGenerator ids,
      HybridLogicalClock clock) {
    this.identity = identity;
    this.meta = meta;
    this.writer = writer;
    this.keys = new KeyNumbering(meta);
    this.ids = ids;
    this.clock = clock;
  }

  /** The next generated key of a column; the caller holds the permit. */
  long next(TableDef table, int column) throws SQLException {
    int number = identity.nodeNumber();
    boolean wide = KeyRange.wide(table.columns().get(column).type());
    if (number == 0 && !meta.databaseSealed()) {
      if (wide && identity.dialsPeers()) {
        return ids.next(clock.now());
      }
      meta.adoptDatabase(identity.id());
    }
    if (number < 0 && wide) {
      return ids.next(clock.now());
    }
    return keys.next(writer, table, column, number);
  }
}
