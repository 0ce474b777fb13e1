package io.pluresdb.engine.processes;

import io.pluresdb.crdt.error.Errors;
import io.pluresdb.crdt.error.SqlState;
import io.pluresdb.crdt.schema.Catalog;
import io.pluresdb.engine.api.BatchResult;
import io.pluresdb.engine.api.Channels;
import io.pluresdb.engine.api.Engine;
import io.pluresdb.engine.api.LiveHandle;
import io.pluresdb.engine.api.Planned;
import io.pluresdb.engine.api.Result;
import io.pluresdb.engine.api.Session;
import io.pluresdb.sql.plan.Plan;
import io.pluresdb.sql.plan.Prepared;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A connection of a process that follows the owner of a file database. Statements are compiled
 * here, against the file as the owner last committed it; reads run here, straight from the file;
 * writes, DDL, sequences, transaction control and NOTIFY are forwarded to a session of the owner
 * (one per connection, opened at the first), and while that session holds an open transaction the
 * reads go there too, so the transaction sees its own writes. Once this process has taken the
 * ownership over, everything runs in a session of its own engine.
 *
 * <p>Not thread-safe: called by one JDBC connection at a time, except {@link #cancel()}.
 */
final class FollowerSession implements Session {
  private final FileEngine engine;
  private final Session local;
  private final String database;
  private @Nullable OwnerLink link;
  private volatile @Nullable Session owned;
  private boolean autoCommit = true;
  private boolean readOnly;
  private @Nullable Duration writerWait;

  FollowerSession(FileEngine engine, Session local, String database) {
    this.engine = engine;
    this.local = local;
    this.database = database;
  }

  /** The session this connection runs everything in once this process owns the file, or null. */
  private @Nullable Session owned() throws SQLException {
    Session o = owned;
    if (o != null) {
      return o;
    }
    Engine here = engine.ownerHere();
    if (here == null) {
      return null;
    }
    boolean lostTransaction = link != null && link.inTransaction();
    closeLink();
    o = here.openSession();
    o.setAutoCommit(autoCommit);
    o.setReadOnly(readOnly);
    if (writerWait != null) {
      o.setWriterWait(writerWait);
    }
    // the local session stays open until this one closes: its live queries follow the file still
    owned = o;
    if (lostTransaction) {
      throw Errors.of(
          SqlState.TRANSACTION_ROLLBACK,
          "the process that owned database "
              + database
              + " ended during this transaction, which was rolled back; this process owns the"
              + " database now");
    }
    return o;
  }

  /** The session statements run in now: this process's own once it owns the file, else local. */
  private Session here() throws SQLException {
    Session o = owned();
    return o != null ? o : local;
  }

  /** The connection to the owner, opened at the first forwarded statement. */
  private OwnerLink link() throws SQLException {
    OwnerLink l = link;
    if (l != null && !l.broken()) {
      return l;
    }
    closeLink();
    l = OwnerLink.connect(engine.note(), database);
    l.mirror(autoCommit, readOnly, writerWait);
    link = l;
    return l;
  }

  private void closeLink() {
    OwnerLink l = link;
    link = null;
    if (l != null) {
      l.close();
    }
  }

  private boolean remoteTransaction() {
    OwnerLink l = link;
    return l != null && l.inTransaction();
  }

  /**
   * Whether a plan runs on the owner: whatever writes, and reads inside a forwarded transaction.
   */
  private boolean forwards(Plan plan) {
    if (plan instanceof Plan.Query q) {
      return remoteTransaction() || (q.locks() && !autoCommit);
    }
    if (plan instanceof Plan.Channel c) {
      return c.command() == Plan.ChannelCommand.NOTIFY;
    }
    return plan instanceof Plan.Write
        || plan instanceof Plan.Ddl
        || plan instanceof Plan.SequenceValue
        || plan instanceof Plan.Transaction;
  }

  @Override
  public Planned prepare(String sql) throws SQLException {
    Session o = owned();
    if (o != null) {
      return o.prepare(sql);
    }
    engine.catchUp();
    return local.prepare(sql);
  }

  @Override
  public Result execute(
      Planned statement,
      List<Object> params,
      List<String> generatedKeys,
      int timeoutSeconds,
      long maxRows)
      throws SQLException {
    Session o = owned();
    if (o != null) {
      return o.execute(statement, params, generatedKeys, timeoutSeconds, maxRows);
    }
    engine.catchUp();
    if (forwards(statement.plan())) {
      return link().execute(statement.sql(), params, generatedKeys, timeoutSeconds, maxRows);
    }
    return local.execute(statement, params, generatedKeys, timeoutSeconds, maxRows);
  }

  @Override
  public BatchResult executeBatch(
      Planned statement, List<List<Object>> rows, List<String> generatedKeys, int timeoutSeconds)
      throws SQLException {
    Session o = owned();
    if (o != null) {
      return o.executeBatch(statement, rows, generatedKeys, timeoutSeconds);
    }
    engine.catchUp();
    if (forwards(statement.plan())) {
      return link().batch(statement.sql(), rows, generatedKeys, timeoutSeconds);
    }
    return local.executeBatch(statement, rows, generatedKeys, timeoutSeconds);
  }

  @Override
  public void setWriterWait(Duration wait) throws SQLException {
    Session o = owned();
    (o != null ? o : local).setWriterWait(wait);
    writerWait = wait;
    if (o == null && link != null) {
      link().writerWait(wait);
    }
  }

  @Override
  public Prepared prepareSubscription(String sql) throws SQLException {
    engine.catchUp();
    return here().prepareSubscription(sql);
  }

  @Override
  public LiveHandle subscribe(String sql, List<Object> params) throws SQLException {
    engine.catchUp();
    return here().subscribe(sql, params);
  }

  @Override
  public void setLiveBuffer(int changes) throws SQLException {
    here().setLiveBuffer(changes);
  }

  @Override
  public Channels channels() {
    Session o = owned;
    return (o != null ? o : local).channels();
  }

  @Override
  public void setEfSearch(int ef) throws SQLException {
    here().setEfSearch(ef);
  }

  @Override
  public int efSearch() {
    Session o = owned;
    return (o != null ? o : local).efSearch();
  }

  @Override
  public void cancel() {
    Session o = owned;
    (o != null ? o : local).cancel();
  }

  @Override
  public boolean autoCommit() {
    return autoCommit;
  }

  @Override
  public void setAutoCommit(boolean on) throws SQLException {
    Session here = here();
    if (here == local && link != null) {
      link().control(ForwardedSession.AUTO_COMMIT, on);
    }
    here.setAutoCommit(on);
    autoCommit = on;
  }

  @Override
  public void commit() throws SQLException {
    end(ForwardedSession.COMMIT);
  }

  @Override
  public void rollback() throws SQLException {
    end(ForwardedSession.ROLLBACK);
  }

  private void end(int op) throws SQLException {
    Session here = here();
    if (here == local && link != null) {
      link().control(op, false);
    }
    if (op == ForwardedSession.COMMIT) {
      here.commit();
    } else {
      here.rollback();
    }
  }

  @Override
  public boolean readOnly() {
    return readOnly;
  }

  @Override
  public void setReadOnly(boolean on) throws SQLException {
    Session here = here();
    if (here == local && link != null) {
      link().control(ForwardedSession.READ_ONLY, on);
    }
    here.setReadOnly(on);
    readOnly = on;
  }

  @Override
  public boolean inTransaction() {
    Session o = owned;
    return o != null ? o.inTransaction() : remoteTransaction() || local.inTransaction();
  }

  @Override
  public Catalog catalog() {
    Session o = owned;
    return (o != null ? o : local).catalog();
  }

  @Override
  public void close() throws SQLException {
    closeLink();
    Session o = owned;
    try {
      local.close();
    } finally {
      if (o != null) {
        o.close();
      }
    }
  }
}
