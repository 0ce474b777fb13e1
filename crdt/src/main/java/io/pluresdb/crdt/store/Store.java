package io.pluresdb.crdt.store;

import io.pluresdb.crdt.feed.ChangeFeed;
import io.pluresdb.crdt.feed.Notification;
import io.pluresdb.crdt.feed.NotificationBus;
import io.pluresdb.crdt.op.LogEntry;
import io.pluresdb.crdt.op.ReceivedTx;
import io.pluresdb.crdt.op.Transaction;
import io.pluresdb.crdt.op.VersionVector;
import io.pluresdb.crdt.schema.Catalog;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;

/**
 * A node's database: the operation log, the materialized tables it produces, the replicated schema
 * and the change feed. The embedded implementation keeps all of it in one SQLite file; a hub node
 * may keep its log elsewhere behind this same interface.
 *
 * <p>Thread-safe. Writes go through one writer at a time ({@link #beginWrite}); readers run in
 * parallel on their own connections ({@link #openReader}).
 */
public interface Store extends AutoCloseable {

  /** Opens (creating if needed) the store described by {@code config}. */
  static Store open(StoreConfig config) throws SQLException {
    return StoreOpening.open(config, false);
  }

  /**
   * Opens the file of a store that another process owns, to read it beside that owner (WAL lets
   * readers run beside the writer): it takes no lock, and {@link #beginWrite} fails with 25006,
   * since writes belong to the owner. {@link #refresh} catches it up with the owner's commits.
   */
  static Store follow(StoreConfig config) throws SQLException {
    return StoreOpening.open(config, true);
  }

  /** The lock file of the database file {@code db}, which names its owner's forwarding address. */
  static java.nio.file.Path lockFile(java.nio.file.Path db) {
    java.nio.file.Path file = db.toAbsolutePath();
    return file.resolveSibling(file.getFileName() + ".lock");
  }

  /**
   * A follower ({@link #follow}): when the owner committed since the last call, loads the committed
   * state again and publishes the new transactions on the change feed; true when it did. An owner
   * has nothing to catch up with and returns false.
   */
  default boolean refresh() throws SQLException {
    return false;
  }

  /**
   * The owner of a file database: writes {@code note} (where it takes forwarded writes, and the
   * secret that admits them) into the lock file, which only its user may read.
   */
  default void advertise(String note) throws SQLException {
    throw io.pluresdb.crdt.error.Errors.unsupported(
        "Store.advertise (this store has no lock file)");
  }

  /** This node's id, stable across restarts. */
  String nodeId();

  /**
   * This node's number in its database, which picks its block of generated keys (see {@link
   * io.pluresdb.crdt.schema.KeyRange}): 0 for a database's creator and a node that joined nobody.
   */
  int nodeNumber();

  /**
   * Hands a node number to a fresh node joining this database, or -1: only the database's creator
   * (a node never given a number) hands numbers out, so two nodes never hand out the same one.
   */
  int handOutNodeNumber() throws SQLException;

  /**
   * Takes the node number handed out by the node this fresh node joined, or -1 for none (it then
   * generates 64-bit keys only, from the clock); a node that has a number keeps it.
   */
  void takeNodeNumber(int number) throws SQLException;

  /** The database's identity, shared by every node of one replicated database. */
  String databaseId();

  /**
   * Joins the replicated database {@code id}: a store that has never joined or served a peer takes
   * the id of the first peer it joins (its own local writes are kept and will replicate); after
   * that the identity is sealed. Returns true when this store's identity is {@code id} afterwards,
   * false when it is sealed to another database (the caller must refuse the peer).
   */
  boolean joinDatabase(String id) throws SQLException;

  /**
   * Seals the database identity as it is (a node that serves a peer makes its identity the one
   * peers adopt, so it must not change afterwards).
   */
  void sealDatabaseId() throws SQLException;

  /**
   * True once the database identity is sealed (this store has joined or served a peer), false while
   * it is fresh and {@link #joinDatabase} may still replace it.
   */
  boolean databaseSealed() throws SQLException;

  /**
   * A connection attempt to a peer begins; returns the action that ends it (when it failed or its
   * connection closed; running it twice is harmless). A node that dials peers is provisional until
   * it joins one: it expects to join a database that has its creator, so its generated 64-bit keys
   * come from the clock rather than making it a creator, and its identity stays fresh for the first
   * peer's to replace. While an attempt is open and the identity is not settled (joined, refused,
   * sealed), local writes wait, bounded in all, so that none makes this node the creator of a
   * database of its own while the peer decides the identity for both.
   */
  default Runnable dialing() {
    return () -> {};
  }

  /** The transactions this node holds, per writing node (see {@link VersionVector}). */
  VersionVector versionVector();

  /** The position of the last transaction in the log (0 when the log is empty). */
  long lastSeq();

  /**
   * Up to {@code limit} log entries after position {@code afterSeq}, in log order (which is causal
   * order): replication's catch-up and indexes resuming after a restart read the log this way.
   */
  List<LogEntry> readLog(long afterSeq, int limit) throws SQLException;

  /**
   * This store's row states: snapshots for a new node or a peer behind the compaction horizon to
   * catch up from, and the merge of row states received.
   */
  default RowStates rowStates() {
    throw new UnsupportedOperationException("row states of " + getClass().getSimpleName());
  }

  /**
   * The history horizon: per writing node, the last of its transactions that this node may hold
   * without their log records (folded away by compaction, or merged as row states; see {@link
   * RowStates#horizon}). A peer whose version vector does not cover it cannot catch up from this
   * node's log alone: it catches up by row states, then the log tail. Empty while the log holds
   * every transaction this node holds.
   */
  default VersionVector historyHorizon() throws SQLException {
    return rowStates().horizon();
  }

  /**
   * The peers this store knows and its compaction (see {@link History}); a store that does not
   * compact keeps its whole log and records no peers.
   */
  default History history() {
    return KeptHistory.INSTANCE;
  }

  /** Notifications (NOTIFY) sent on this node or received from peers. */
  NotificationBus notifications();

  /**
   * Sends {@code NOTIFY channel, payload} from this node: it is published on {@link
   * #notifications()} with a fresh id, after the caller's commit if any (callers decide).
   */
  Notification notify(String channel, String payload);

  /** The committed schema. */
  Catalog catalog();

  /**
   * A new SQLite connection for reads, initialised like every store connection (pragmas, SQL
   * functions from {@link StoreConfig#connectionInitializer()}). The caller owns and closes it.
   */
  Connection openReader() throws SQLException;

  /**
   * Starts the one write transaction, waiting up to {@code timeout} for the writer; after that it
   * fails with SQLState 55P03.
   */
  WriteTxn beginWrite(Duration timeout) throws SQLException;

  /**
   * Reserves {@code count} (1 to 4096) consecutive cluster-unique 64-bit ids for this node and
   * returns the highest; sequences hand these out. Nothing is written: the ids come from the node
   * clock and node id, so no other node and no later call can issue them.
   */
  long reserveIds(int count) throws SQLException;

  /** Committed changes, local and remote, published after commit. */
  ChangeFeed changeFeed();

  /**
   * Applies transactions received from other nodes: each atomically, idempotently (a transaction
   * already held changes nothing) and causally (one whose precursors, previous transaction of its
   * node, or table and columns are missing is parked until they arrive, with {@code origin}, the
   * peer node it came from, the time and what it waits for: see {@link #parked}). Each record is
   * kept byte for byte as received, in the log and while pending, so logs are identical across
   * nodes and {@link #readLog} hands relays the author's bytes. Rows merge field by field by
   * operation id; a merged row that a local UNIQUE constraint refuses stays hidden while an older
   * entity holds the value, and is recorded in the {@code _pl_conflicts} table. A transaction
   * stamped further in the future than the allowed clock drift refuses the whole call before
   * anything is written: the result is then an {@link ApplyResult.ClockDrift}. Every signed record
   * is checked against its node's pinned key before the writer is taken (see the README's signed
   * transactions); a record whose authorship does not hold, or a transaction id held with other
   * content, refuses the whole call with nothing of it written: the result is then an {@link
   * ApplyResult.Forged}, also recorded in {@code _pl_conflicts}.
   */
  ApplyResult applyRemote(List<ReceivedTx> received, String origin) throws SQLException;

  /**
   * Applies transactions as {@link #applyRemote(List, String)} does, from no named origin (tools
   * and tests that hand records over without a session).
   */
  default ApplyResult applyRemote(List<ReceivedTx> received) throws SQLException {
    return applyRemote(received, "");
  }

  /**
   * What is parked now: received transactions that cannot be applied yet, per origin and in total,
   * each with the oldest and what it waits for. A snapshot kept in memory (reading it does no I/O),
   * current as of the last {@link #applyRemote} call.
   */
  ParkedSummary parked();

  /** Every transaction in the log, in log order (for replication, rebuilds and tests). */
  List<Transaction> log() throws SQLException;

  /**
   * Every log record as a peer receives it (the stored bytes, decoded once), in log order: for
   * tools and tests that hand one store's log to another's {@link #applyRemote} without a session.
   */
  default List<ReceivedTx> logRecords() throws SQLException {
    return readLog(0, Integer.MAX_VALUE).stream().map(LogEntry::received).toList();
  }

  /**
   * SQLite's {@code VACUUM}: with {@code into} null, rebuilds the file in place between write
   * transactions (readers go on; writers wait as for another writer); else writes a consistent copy
   * of the committed store to the file {@code into}, which must not exist or be empty, while
   * writers go on. The copy is this same node (see {@link #becomeNewNode}). A follower of another
   * process copies but does not vacuum in place (its caller forwards that to the owner).
   *
   * @throws SQLException DUPLICATE_FILE when {@code into} holds data, IO_ERROR when SQLite fails
   */
  void vacuum(java.nio.file.Path into) throws SQLException;

  /**
   * Makes the copy {@code file} (see {@link #vacuum}), which no store has open, a new node of the
   * same database: a new key pair and node id, no node number (see {@link NewNode}). Returns the
   * new node id.
   */
  static String becomeNewNode(java.nio.file.Path file) throws SQLException {
    return NewNode.convert(file);
  }

  /** Drops and rebuilds every materialized table from the operation log. */
  void rebuild() throws SQLException;

  @Override
  void close() throws SQLException;
}
