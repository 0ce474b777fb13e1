package io.pluresdb.crdt.store;

import io.pluresdb.crdt.clock.OpId;
import io.pluresdb.crdt.op.VersionVector;
import io.pluresdb.crdt.schema.Catalog;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the store has committed: each node's version (highest applied op id and last transaction
 * id), the last log position and the catalog. It is the state a writer starts from and the one
 * readers see, so it changes only after a SQLite commit, never during a transaction.
 *
 * <p>Written only by the holder of the {@link WriterPermit}; read concurrently by any thread (a
 * concurrent map and volatile fields, so a reader sees each value whole, though not all three as of
 * one commit).
 */
final class CommittedState {
  private final Map<Long, Meta.Version> versions;
  private volatile long lastSeq;
  private volatile Catalog catalog;

  /** Loads the state the internal tables hold (while opening). */
  CommittedState(Meta meta) throws SQLException {
    this.versions = new ConcurrentHashMap<>(meta.versions());
    this.lastSeq = meta.lastSeq();
    this.catalog = meta.catalog();
  }

  /** Loads again what the internal tables hold (a follower, after the owner committed). */
  void reload(Map<Long, Meta.Version> committed, long seq, Catalog next) {
    versions.putAll(committed);
    lastSeq = seq;
    catalog = next;
  }

  /** Every node's version, for seeding the clock and id generator while opening. */
  Iterable<Meta.Version> versions() {
    return versions.values();
  }

  /** The committed version of {@code node}, or null when nothing of it is held. */
  Meta.Version version(long node) {
    return versions.get(node);
  }

  /** The last transaction id of each node. */
  VersionVector versionVector() {
    Map<Long, OpId> last = new HashMap<>();
    versions.forEach((node, v) -> last.put(node, v.tx()));
    return new VersionVector(last);
  }

  long lastSeq() {
    return lastSeq;
  }

  /** The log position the next appended transaction takes. */
  long nextSeq() {
    return lastSeq + 1;
  }

  Catalog catalog() {
    return catalog;
  }

  /** Records a committed transaction of {@code node} at log position {@code seq}. */
  void committed(long node, Meta.Version version, long seq, Catalog next) {
    versions.put(node, version);
    lastSeq = seq;
    catalog = next;
  }

  /**
   * Records that {@code node}'s transactions up to {@code version} are held without being in the
   * log (merged as row states); the log position stays.
   */
  void covered(long node, Meta.Version version) {
    versions.merge(node, version, (a, b) -> b.tx().after(a.tx()) ? b : a);
  }

  /** Records a committed catalog (a rebuild leaves versions and log alone). */
  void catalog(Catalog next) {
    catalog = next;
  }
}
