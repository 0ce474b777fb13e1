package io.pluresdb.crdt.store;

import io.pluresdb.crdt.clock.OpId;
import io.pluresdb.crdt.error.Errors;
import io.pluresdb.crdt.error.SqlState;
import io.pluresdb.crdt.feed.ChangeSet;
import io.pluresdb.crdt.feed.EntityChange;
import io.pluresdb.crdt.feed.ListenerFeed;
import io.pluresdb.crdt.op.LogEntry;
import io.pluresdb.crdt.op.OpKind;
import io.pluresdb.crdt.op.Operation;
import io.pluresdb.crdt.op.SchemaJson;
import io.pluresdb.crdt.op.Transaction;
import io.pluresdb.crdt.schema.Catalog;
import io.pluresdb.crdt.schema.SchemaChange;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Catches a follower's store up with what the owning process committed to the shared file: when
 * SQLite's {@code PRAGMA data_version} says another connection committed, it reloads the committed
 * state (versions, log position, catalog) from the internal tables and publishes each new log entry
 * on the change feed, with the entities it touched as they are now, so live queries and indexes of
 * the follower see the owner's commits.
 *
 * <p>Thread-safe: {@link #run} takes the writer permit, which guards the writer connection it reads
 * through; change sets are delivered after the permit is released.
 */
final class FollowerRefresh {
  private static final Duration WAIT = Duration.ofSeconds(60);

  private final WriterPermit permit;
  private final Writer w;
  private final Meta meta;
  private final CommittedState state;
  private final ListenerFeed feed;
  private final String nodeId;
  private final LiveRows rows;
  private long dataVersion = -1; // guarded by the permit
  private @Nullable String catalogJson; // the text of the catalog last loaded; guarded likewise

  FollowerRefresh(
      WriterPermit permit,
      Writer w,
      Meta meta,
      CommittedState state,
      ListenerFeed feed,
      String nodeId) {
    this.permit = permit;
    this.w = w;
    this.meta = meta;
    this.state = state;
    this.feed = feed;
    this.nodeId = nodeId;
    this.rows = new LiveRows(w);
  }

  /** Reloads and publishes what was committed since the last call; true when anything was. */
  boolean run() throws SQLException {
    permit.acquire(WAIT);
    boolean changed;
    try {
      changed = catchUp();
    } finally {
      permit.release();
    }
    feed.drain();
    return changed;
  }

  private boolean catchUp() throws SQLException {
    // the writer connection keeps a deferred transaction open (see Writer): ending it drops any
    // snapshot an earlier read took, and the reads below then share one snapshot, so versions,
    // log position, catalog and rows are all of one commit
    w.rollback();
    long version = dataVersion();
    if (version == dataVersion) {
      w.rollback();
      return false;
    }
    long before = state.lastSeq();
    try {
      String json = meta.get("catalog");
      // most commits change rows, not the schema: parse the catalog only when its text moved
      Catalog catalog =
          Objects.equals(json, catalogJson)
              ? state.catalog()
              : json == null ? Catalog.empty() : SchemaJson.readCatalog(json);
      state.reload(meta.versions(), meta.lastSeq(), catalog);
      catalogJson = json;
      w.catalog(catalog);
      for (LogEntry e : entries(before, state.lastSeq())) {
        feed.enqueue(changeSet(e));
      }
    } finally {
      w.rollback();
    }
    dataVersion = version;
    return true;
  }

  /** Why a follower does not write: the owning process does. */
  SQLException readOnly(String description) {
    return Errors.of(SqlState.READ_ONLY_SQL_TRANSACTION, description + " is written by its owner");
  }

  /** The log entries in {@code (after, upTo]}, read in the snapshot the rest is read in. */
  private List<LogEntry> entries(long after, long upTo) throws SQLException {
    List<LogEntry> out = new ArrayList<>();
    PreparedStatement ps =
        w.prepare("SELECT seq, tx, data FROM _pl_log WHERE seq > ? AND seq <= ? ORDER BY seq");
    ps.setLong(1, after);
    ps.setLong(2, upTo);
    try (ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        out.add(new LogEntry(rs.getLong(1), OpId.fromBytes(rs.getBytes(2)), rs.getBytes(3)));
      }
    }
    return out;
  }

  private long dataVersion() throws SQLException {
    try (Statement s = w.conn.createStatement();
        ResultSet rs = s.executeQuery("PRAGMA data_version")) {
      rs.next();
      return rs.getLong(1);
    }
  }

  /** The entry's entities as they are now: a later commit may already show through. */
  private ChangeSet changeSet(LogEntry e) throws SQLException {
    Transaction tx = e.transaction();
    List<EntityChange> changes = new ArrayList<>();
    List<SchemaChange> schema = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (Operation op : tx.ops()) {
      if (op.kind() == OpKind.SCHEMA) {
        schema.add(op.schema());
        continue;
      }
      TableSql t = w.table(op.table());
      if (t == null
          || !seen.add(op.table() + '\0' + HexFormat.of().formatHex(Keys.bytes(op.key())))) {
        continue;
      }
      Object[] row = rows.load(t, op.key(), new ClockVector[1]);
      EntityChange.Kind kind =
          row == null
              ? EntityChange.Kind.DELETE
              : op.kind() == OpKind.INSERT ? EntityChange.Kind.INSERT : EntityChange.Kind.UPDATE;
      changes.add(new EntityChange(op.table(), op.key(), kind, row));
    }
    String node = String.format(Locale.ROOT, "%012x", tx.node());
    return new ChangeSet(tx.id().toString(), node, node.equals(nodeId), changes, schema, e);
  }
}
