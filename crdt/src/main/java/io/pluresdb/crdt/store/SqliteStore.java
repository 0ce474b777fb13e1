package io.pluresdb.crdt.store;

import io.pluresdb.crdt.clock.HybridLogicalClock;
import io.pluresdb.crdt.clock.IdGenerator;
import io.pluresdb.crdt.clock.OpId;
import io.pluresdb.crdt.error.Errors;
import io.pluresdb.crdt.error.SqlState;
import io.pluresdb.crdt.feed.ChangeFeed;
import io.pluresdb.crdt.feed.ChangeSet;
import io.pluresdb.crdt.feed.EntityChange;
import io.pluresdb.crdt.feed.ListenerFeed;
import io.pluresdb.crdt.feed.Notification;
import io.pluresdb.crdt.feed.NotificationBus;
import io.pluresdb.crdt.op.LogEntry;
import io.pluresdb.crdt.op.OpEncoder;
import io.pluresdb.crdt.op.Transaction;
import io.pluresdb.crdt.op.TxCodec;
import io.pluresdb.crdt.op.VersionVector;
import io.pluresdb.crdt.schema.Catalog;
import io.pluresdb.crdt.schema.SchemaChange;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * The embedded store: everything in one SQLite file (see {@link StoreFiles}). It owns the writer
 * connection, the hybrid logical clock, the version vector and the change feed; local writes are
 * {@link LocalWriteTxn}s, remote ones go through {@link RemoteApply}.
 *
 * <p>Thread-safe. The writer connection and everything it caches are guarded by a one-permit
 * semaphore (not a lock, because a JDBC transaction may commit on another thread than the one that
 * began it); the committed catalog is a volatile snapshot; change sets are delivered after the
 * permit is released.
 */
final class SqliteStore implements Store {
  private static final Duration REMOTE_WAIT = Duration.ofSeconds(60);

  private final StoreFiles files;
  private final Writer writer;
  private final Semaphore permit = new Semaphore(1, true);
  private final ListenerFeed feed = new ListenerFeed();
  private final HybridLogicalClock clock;
  private final IdGenerator ids;
  private final OpEncoder encoder = new OpEncoder();
  private final String nodeId;
  private final Meta meta;
  private final NotificationBus notifications = new NotificationBus();
  private volatile String databaseId;

  /**
   * node → highest applied op id and last transaction id; written holding the permit, read
   * concurrently by {@link #versionVector()}.
   */
  final Map<Long, Meta.Version> versions;

  /** The last log position committed; written holding the permit. */
  private volatile long lastSeq;

  private volatile Catalog catalog;
  private volatile boolean closed;

  private SqliteStore(StoreFiles files, Connection conn, StoreConfig config) throws SQLException {
    this.files = files;
    this.meta = new Meta(conn);
    meta.createTables();
    long node = meta.node(config.nodeName());
    this.nodeId = String.format(Locale.ROOT, "%012x", node);
    this.databaseId = meta.databaseId();
    this.catalog = meta.catalog();
    this.versions = new ConcurrentHashMap<>(meta.versions());
    this.lastSeq = meta.lastSeq();
    this.clock = new HybridLogicalClock(config.clock(), node, config.maxClockDrift());
    for (Meta.Version v : versions.values()) {
      clock.advanceTo(v.last());
    }
    long lastMillis = 0;
    for (Meta.Version v : versions.values()) {
      lastMillis = Math.max(lastMillis, v.last().millis());
    }
    this.ids = new IdGenerator(node, lastMillis);
    this.writer = new Writer(conn, node, catalog);
    writer.tombTables.addAll(meta.tombTables(false));
    writer.hiddenTables.addAll(meta.tombTables(true));
  }

  static Store open(StoreConfig config) throws SQLException {
    StoreFiles files = StoreFiles.acquire(config);
    Connection conn = null;
    try {
      conn = files.connect();
      return new SqliteStore(files, conn, config);
    } catch (SQLException | RuntimeException e) {
      if (conn != null) {
        conn.close();
      }
      files.close();
      throw e;
    }
  }

  HybridLogicalClock clock() {
    return clock;
  }

  long nextId() {
    return ids.next(clock.now());
  }

  @Override
  public long reserveIds(int count) throws SQLException {
    checkOpen();
    return ids.reserve(count, clock.now());
  }

  @Override
  public String nodeId() {
    return nodeId;
  }

  @Override
  public String databaseId() {
    return databaseId;
  }

  @Override
  public boolean joinDatabase(String id) throws SQLException {
    acquire(REMOTE_WAIT);
    try {
      if (id.equals(databaseId)) {
        if (!meta.databaseSealed()) {
          meta.adoptDatabase(id);
          writer.commit();
        }
        return true;
      }
      if (meta.databaseSealed()) {
        return false;
      }
      meta.adoptDatabase(id);
      writer.commit();
      databaseId = id;
      return true;
    } finally {
      permit.release();
    }
  }

  @Override
  public void sealDatabaseId() throws SQLException {
    joinDatabase(databaseId);
  }

  @Override
  public boolean databaseSealed() throws SQLException {
    acquire(REMOTE_WAIT);
    try {
      return meta.databaseSealed();
    } finally {
      permit.release();
    }
  }

  @Override
  public VersionVector versionVector() {
    Map<Long, OpId> last = new HashMap<>();
    versions.forEach((node, v) -> last.put(node, v.tx()));
    return new VersionVector(last);
  }

  @Override
  public long lastSeq() {
    return lastSeq;
  }

  /** The log position the next appended transaction takes (holding the permit). */
  long nextSeq() {
    return lastSeq + 1;
  }

  @Override
  public List<LogEntry> readLog(long afterSeq, int limit) throws SQLException {
    checkOpen();
    List<LogEntry> out = new ArrayList<>();
    try (Connection c = files.connect();
        PreparedStatement ps =
            c.prepareStatement(
                "SELECT seq, tx, data FROM _pl_log WHERE seq > ? ORDER BY seq LIMIT ?")) {
      ps.setLong(1, afterSeq);
      ps.setInt(2, limit);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(new LogEntry(rs.getLong(1), OpId.fromBytes(rs.getBytes(2)), rs.getBytes(3)));
        }
      }
    }
    return out;
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
    return catalog;
  }

  @Override
  public ChangeFeed changeFeed() {
    return feed;
  }

  private void checkOpen() throws SQLException {
    if (closed) {
      throw Errors.of(
          SqlState.CONNECTION_DOES_NOT_EXIST, "the store of " + files.description() + " is closed");
    }
  }

  @Override
  public Connection openReader() throws SQLException {
    checkOpen();
    return files.connect();
  }

  private void acquire(Duration timeout) throws SQLException {
    checkOpen();
    try {
      if (!permit.tryAcquire(timeout.toNanos(), TimeUnit.NANOSECONDS)) {
        throw Errors.of(
            SqlState.LOCK_NOT_AVAILABLE,
            "the writer of "
                + files.description()
                + " stayed busy for "
                + timeout.toMillis()
                + " ms");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw Errors.of(
          SqlState.QUERY_CANCELED,
          "interrupted waiting for the writer of " + files.description(),
          e);
    }
    if (closed) {
      permit.release();
      checkOpen();
    }
  }

  @Override
  public WriteTxn beginWrite(Duration timeout) throws SQLException {
    acquire(timeout);
    try {
      writer.begin();
      return new LocalWriteTxn(this, writer, encoder);
    } catch (RuntimeException e) {
      permit.release();
      throw e;
    }
  }

  /** Called by a local transaction holding the permit; always releases it. */
  void commitLocal(
      LocalWriteTxn txn,
      OpEncoder enc,
      List<EntityChange> changes,
      List<SchemaChange> schemaChanges)
      throws SQLException {
    try {
      if (enc == null) {
        writer.commit();
        return;
      }
      long node = clock.node();
      Meta.Version prev = versions.get(node);
      OpId txId = enc.txId();
      byte[] record = enc.finish(prev == null ? null : prev.tx());
      Meta.Version next = new Meta.Version(enc.last(), txId);
      long seq = nextSeq();
      meta.appendLog(writer, seq, txId, record);
      meta.saveVersion(writer, node, next);
      if (!schemaChanges.isEmpty()) {
        meta.saveCatalog(writer, writer.catalog());
      }
      writer.commit();
      versions.put(node, next);
      lastSeq = seq;
      catalog = writer.catalog();
      feed.enqueue(
          new ChangeSet(
              txId.toString(),
              nodeId,
              true,
              changes,
              schemaChanges,
              new LogEntry(seq, txId, record)));
    } catch (SQLException | RuntimeException e) {
      rollbackQuietly(e);
      throw e;
    } finally {
      permit.release();
      feed.drain();
    }
  }

  /** Called by a local transaction holding the permit; always releases it. */
  void rollbackLocal() throws SQLException {
    try {
      writer.rollback();
      writer.catalog(catalog);
    } finally {
      permit.release();
    }
  }

  private void rollbackQuietly(Exception cause) {
    try {
      writer.rollback();
    } catch (SQLException e) {
      cause.addSuppressed(e);
    }
    try {
      writer.catalog(catalog);
    } catch (SQLException e) {
      cause.addSuppressed(e);
    }
  }

  @Override
  public ApplyResult applyRemote(List<Transaction> transactions) throws SQLException {
    for (Transaction tx : transactions) {
      clock.checkDrift(tx.lastId());
    }
    acquire(REMOTE_WAIT);
    try {
      return new RemoteApply(this, writer, meta).apply(transactions);
    } finally {
      permit.release();
      feed.drain();
    }
  }

  /** Records a remote transaction's commit (holding the permit). */
  void committedRemote(
      Transaction tx, LogEntry entry, List<EntityChange> changes, List<SchemaChange> schema)
      throws SQLException {
    clock.observe(tx.lastId());
    versions.put(tx.node(), new Meta.Version(tx.lastId(), tx.id()));
    lastSeq = entry.seq();
    catalog = writer.catalog();
    feed.enqueue(
        new ChangeSet(
            tx.id().toString(),
            String.format(Locale.ROOT, "%012x", tx.node()),
            false,
            changes,
            schema,
            entry));
  }

  Catalog committedCatalog() {
    return catalog;
  }

  @Override
  public List<Transaction> log() throws SQLException {
    checkOpen();
    try (Connection c = files.connect()) {
      return readLog(c);
    }
  }

  private static List<Transaction> readLog(Connection c) throws SQLException {
    List<Transaction> out = new ArrayList<>();
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT data FROM _pl_log ORDER BY seq")) {
      while (rs.next()) {
        out.add(TxCodec.decode(rs.getBytes(1)));
      }
    }
    return out;
  }

  @Override
  public void rebuild() throws SQLException {
    acquire(REMOTE_WAIT);
    try {
      writer.pragmas("PRAGMA foreign_keys=OFF", "PRAGMA ignore_check_constraints=ON");
      writer.begin();
      try {
        for (String t : catalog.tables().keySet()) {
          writer.exec("DROP TABLE IF EXISTS " + TableSql.quote(t));
        }
        writer.exec("DELETE FROM _pl_tomb");
        writer.exec("DELETE FROM _pl_conflicts");
        writer.exec("DELETE FROM _pl_dropped");
        writer.exec("DELETE FROM _pl_added");
        writer.tombTables.clear();
        writer.hiddenTables.clear();
        writer.catalog(Catalog.empty());
        TxApplier applier = new TxApplier(writer);
        List<EntityChange> ignored = new ArrayList<>();
        List<SchemaChange> ignoredSchema = new ArrayList<>();
        for (Transaction tx : readLog(writer.conn)) {
          applier.apply(tx, ignored, ignoredSchema);
          ignored.clear();
        }
        meta.saveCatalog(writer, writer.catalog());
        writer.commit();
        catalog = writer.catalog();
      } catch (Materializer.MissingSchema e) {
        rollbackQuietly(e);
        writer.tombTables.addAll(meta.tombTables(false));
        writer.hiddenTables.addAll(meta.tombTables(true));
        throw Errors.of(
            SqlState.DATA_CORRUPTED,
            "the log of " + files.description() + " refers to a missing " + e.getMessage(),
            e);
      } catch (SQLException | RuntimeException e) {
        rollbackQuietly(e);
        // the rolled-back rebuild had cleared these; the restored tables still need them
        writer.tombTables.addAll(meta.tombTables(false));
        writer.hiddenTables.addAll(meta.tombTables(true));
        throw e;
      }
    } finally {
      try {
        writer.pragmas("PRAGMA foreign_keys=ON", "PRAGMA ignore_check_constraints=OFF");
      } finally {
        permit.release();
      }
    }
  }

  @Override
  public void close() throws SQLException {
    if (closed) {
      return;
    }
    boolean held = false;
    try {
      held = permit.tryAcquire(REMOTE_WAIT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    closed = true;
    try {
      writer.closeStatements();
      writer.conn.close();
    } finally {
      files.close();
      if (held) {
        permit.release();
      }
    }
  }

  /** For tests: counts rows of an internal table. */
  int count(String internalTable) throws SQLException {
    try (Connection c = files.connect();
        PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM " + internalTable);
        ResultSet rs = ps.executeQuery()) {
      rs.next();
      return rs.getInt(1);
    }
  }
}
