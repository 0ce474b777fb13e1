package io.pluresdb.crdt.store;

import io.pluresdb.crdt.clock.HybridLogicalClock;
import io.pluresdb.crdt.clock.IdGenerator;
import io.pluresdb.crdt.feed.ChangeFeed;
import io.pluresdb.crdt.feed.ListenerFeed;
import io.pluresdb.crdt.feed.Notification;
import io.pluresdb.crdt.feed.NotificationBus;
import io.pluresdb.crdt.op.LogEntry;
import io.pluresdb.crdt.op.OpEncoder;
import io.pluresdb.crdt.op.ReceivedTx;
import io.pluresdb.crdt.op.Transaction;
import io.pluresdb.crdt.op.VersionVector;
import io.pluresdb.crdt.schema.Catalog;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * The embedded store: everything in one SQLite file (see {@link StoreFiles}). It opens the file and
 * wires the parts that share the one writer connection: the {@link WriterPermit} that guards it,
 * the {@link CommittedState} readers see, local transactions ({@link LocalWriteTxn} ending in
 * {@link LocalCommit}), remote apply ({@link VerifiedApply}: authorship, then {@link RemoteApply}
 * through a {@link RemoteTarget}), the {@link DatabaseIdentity} and {@link LogRebuild}; log reads
 * go through {@link LogReader} on their own connections.
 *
 * <p>Thread-safe. Everything that touches the writer connection takes the permit first; the
 * committed state is readable without it; change sets are delivered after the permit is released.
 */
final class SqliteStore implements Store {
  private static final Duration REMOTE_WAIT = Duration.ofSeconds(60);

  private final StoreFiles files;
  private final WriterPermit permit;
  private final Meta meta;
  private final String nodeId;
  private final CommittedState state;
  private final HybridLogicalClock clock;
  private final IdGenerator ids;
  private final Writer writer;
  private final DatabaseIdentity identity;
  private final LogReader log;
  private final ListenerFeed feed = new ListenerFeed();
  private final NotificationBus notifications = new NotificationBus();
  private final OpEncoder encoder = new OpEncoder();
  private final LocalCommit localCommit;
  private final ParkedWatch parked;
  private final Clock wallClock;
  private final VerifiedApply remote;
  private final StateTransfer rowStates;
  private final KeyIssuer keys;
  private final StoreHistory history;
  private final FollowerRefresh follower; // catches up with the owner; null in the owner

  SqliteStore(StoreFiles files, Connection conn, StoreConfig config, boolean follows)
      throws SQLException {
    this.files = files;
    this.permit = new WriterPermit(files.description());
    this.log = new LogReader(files);
    // the internal tables are created and read in auto-commit mode, before the writer exists
    this.meta = new Meta(conn);
    this.wallClock = config.clock();
    if (!follows) {
      meta.createTables(wallClock.instant()); // a follower finds them made by the owner
    }
    NodeIdentity self = NodeIdentity.open(conn, meta, config.nodeName());
    long node = self.node();
    this.nodeId = String.format(Locale.ROOT, "%012x", node);
    this.parked = new ParkedWatch("node " + nodeId + " (" + files.description() + ")");
    parked.refresh(conn);
    String databaseId = meta.databaseId();
    this.state = new CommittedState(meta);
    this.clock = new HybridLogicalClock(config.clock(), node, config.maxClockDrift());
    long lastMillis = 0;
    for (Meta.Version v : state.versions()) {
      // a reopened node never issues an id at or below one it issued (or applied) before
      clock.advanceTo(v.last());
      lastMillis = Math.max(lastMillis, v.last().millis());
    }
    this.ids = new IdGenerator(node, lastMillis);
    this.writer = new Writer(conn, node, state.catalog());
    writer.tombTables.addAll(meta.tombTables(false));
    writer.hiddenTables.addAll(meta.tombTables(true));
    this.identity =
        new DatabaseIdentity(
            permit, writer, meta, databaseId, DatabaseIdentity.number(meta), REMOTE_WAIT);
    this.keys = new KeyIssuer(identity, meta, writer, ids, clock);
    this.localCommit = new LocalCommit(permit, writer, meta, state, feed, nodeId, self);
    this.remote =
        new VerifiedApply(
            permit,
            new RemoteTarget(writer, meta, state, clock, feed),
            new KeyPins(KeyTable.load(conn)),
            parked,
            feed,
            REMOTE_WAIT);
    this.rowStates =
        new StateTransfer(files, permit, writer, meta, state, clock, remote.pins(), REMOTE_WAIT);
    this.history = new StoreHistory(files, permit, writer, meta, state, wallClock, follows);
    this.follower = follows ? new FollowerRefresh(permit, writer, meta, state, feed, nodeId) : null;
    if (!follows) {
      LogRebuild.afterUpgrade(writer, meta, state, files.description());
    }
  }

  HybridLogicalClock clock() {
    return clock;
  }

  /** The next generated key of a column (see {@link KeyIssuer}); the caller holds the permit. */
  long nextKey(io.pluresdb.crdt.schema.TableDef table, int column) throws SQLException {
    return keys.next(table, column);
  }

  @Override
  public int handOutNodeNumber() throws SQLException {
    return identity.handOut();
  }

  @Override
  public void takeNodeNumber(int number) throws SQLException {
    identity.take(number);
  }

  @Override
  public int nodeNumber() {
    return identity.nodeNumber();
  }

  @Override
  public long reserveIds(int count) throws SQLException {
    permit.checkOpen();
    return ids.reserve(count, clock.now());
  }

  @Override
  public String nodeId() {
    return nodeId;
  }

  @Override
  public String databaseId() {
    return identity.id();
  }

  @Override
  public boolean joinDatabase(String id) throws SQLException {
    return identity.join(id);
  }

  @Override
  public void sealDatabaseId() throws SQLException {
    identity.join(identity.id());
  }

  @Override
  public boolean databaseSealed() throws SQLException {
    return identity.sealed();
  }

  @Override
  public Runnable dialing() {
    return identity.attempt();
  }

  @Override
  public VersionVector versionVector() {
    return state.versionVector();
  }

  @Override
  public long lastSeq() {
    return state.lastSeq();
  }

  @Override
  public List<LogEntry> readLog(long afterSeq, int limit) throws SQLException {
    permit.checkOpen();
    return log.entries(afterSeq, limit);
  }

  @Override
  public NotificationBus notifications() {
    return notifications;
  }

  @Override
  public Notification notify(String channel, String payload) {
    Notification n = new Notification(clock.next(), channel, payload, nodeId, true);
    notifications.publish(n);
    return n;
  }

  @Override
  public Catalog catalog() {
    return state.catalog();
  }

  @Override
  public ChangeFeed changeFeed() {
    return feed;
  }

  @Override
  public Connection openReader() throws SQLException {
    permit.checkOpen();
    return files.connect();
  }

  @Override
  public WriteTxn beginWrite(Duration timeout) throws SQLException {
    if (follower != null) {
      throw follower.readOnly(files.description());
    }
    identity.gate().pass(files.description());
    permit.acquire(timeout);
    try {
      writer.begin();
      return new LocalWriteTxn(this, localCommit, writer, encoder);
    } catch (RuntimeException e) {
      permit.release();
      throw e;
    }
  }

  @Override
  public ApplyResult applyRemote(List<ReceivedTx> received, String origin) throws SQLException {
    // checked before taking the writer, so a refused call writes nothing at all
    ApplyResult.ClockDrift drift = ApplyResult.ClockDrift.first(clock, received);
    return drift != null ? drift : remote.apply(received, origin, wallClock.instant());
  }

  @Override
  public boolean refresh() throws SQLException {
    return follower != null && follower.run();
  }

  @Override
  public void advertise(String note) throws SQLException {
    files.advertise(note);
  }

  @Override
  public RowStates rowStates() {
    return rowStates;
  }

  @Override
  public History history() {
    return history;
  }

  @Override
  public ParkedSummary parked() {
    return parked.summary();
  }

  @Override
  public List<Transaction> log() throws SQLException {
    permit.checkOpen();
    return log.transactions();
  }

  @Override
  public void vacuum(java.nio.file.Path into) throws SQLException {
    if (into == null && follower != null) {
      throw follower.readOnly(files.description());
    }
    Vacuum.run(permit, writer, files, into, REMOTE_WAIT);
  }

  @Override
  public void rebuild() throws SQLException {
    permit.acquire(REMOTE_WAIT);
    try {
      new LogRebuild(writer, meta, state, files.description()).run();
    } finally {
      permit.release();
    }
  }

  @Override
  public void close() throws SQLException {
    permit.closeAll(REMOTE_WAIT, log, writer, files);
  }

  /** For tests: counts rows of an internal table. */
  int count(String internalTable) throws SQLException {
    return log.count(internalTable);
  }
}
