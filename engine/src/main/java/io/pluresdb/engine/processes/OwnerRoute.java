package io.pluresdb.engine.processes;

import io.pluresdb.crdt.error.Errors;
import io.pluresdb.crdt.error.SqlState;
import io.pluresdb.engine.api.Engine;
import io.pluresdb.engine.api.Session;
import java.sql.SQLException;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * Where a follower connection's forwarded statements go, and its settings: the link to the owning
 * process (opened at the first forwarded statement, given the connection's settings), or, once this
 * process has taken the ownership over, a session of its own engine. Settings and transaction
 * control go to whichever holds the connection's transaction, and to the local session.
 *
 * <p>Not thread-safe: belongs to one {@link FollowerSession}, except {@link #cancel}.
 */
final class OwnerRoute {
  private static final long CONNECT_WAIT_NANOS = 60_000_000_000L;

  private final FileEngine engine;
  private final Session local;
  private final String database;
  private final TransactionCatalog schema;
  private volatile @Nullable OwnerLink link;
  private volatile @Nullable Session owned;
  private boolean autoCommit = true;
  private boolean readOnly;
  private @Nullable Duration writerWait;

  OwnerRoute(FileEngine engine, Session local, String database, TransactionCatalog schema) {
    this.engine = engine;
    this.local = local;
    this.database = database;
    this.schema = schema;
  }

  /** The session this connection runs everything in once this process owns the file, or null. */
  @Nullable Session owned() throws SQLException {
    Session o = owned;
    if (o != null) {
      return o;
    }
    Engine here = engine.ownerHere();
    if (here == null) {
      return null;
    }
    OwnerLink l = link;
    boolean lostTransaction = l != null && l.inTransaction();
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
  Session here() throws SQLException {
    Session o = owned();
    return o != null ? o : local;
  }

  /** The session of this process's own engine, if it already runs this connection's statements. */
  @Nullable Session ownedNow() {
    return owned;
  }

  /**
   * The connection to the owner, opened at the first forwarded statement; null when this process
   * took the ownership over meanwhile. A process that has just taken the ownership over names its
   * endpoint a moment later: until then (up to a minute) the lock file is read again and again.
   */
  @Nullable OwnerLink link() throws SQLException {
    OwnerLink l = link;
    if (l != null && !l.broken()) {
      return l;
    }
    closeLink();
    long deadline = System.nanoTime() + CONNECT_WAIT_NANOS;
    while (true) {
      try {
        l = OwnerLink.connect(engine.note(), database);
        break;
      } catch (SQLException e) {
        if (!SqlState.CLIENT_UNABLE_TO_CONNECT.code().equals(e.getSQLState())
            || System.nanoTime() > deadline) {
          throw e;
        }
      }
      pause();
      if (engine.ownerHere() != null) {
        return null;
      }
      engine.rereadNote();
    }
    l.mirror(autoCommit, readOnly, writerWait);
    link = l;
    return l;
  }

  /** {@link #link}, where this process owning the file meanwhile is a failure to say so. */
  OwnerLink requireLink() throws SQLException {
    OwnerLink l = link();
    if (l == null) {
      throw Errors.of(
          SqlState.CONNECTION_FAILURE,
          "the process that owned database "
              + database
              + " ended; this process owns the database now, try again");
    }
    return l;
  }

  private static void pause() throws SQLException {
    try {
      Thread.sleep(50);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw Errors.of(SqlState.QUERY_CANCELED, "interrupted while reaching the owning process", e);
    }
  }

  /** The link while the owner's session holds this connection's open transaction, else null. */
  @Nullable OwnerLink inRemoteTransaction() {
    OwnerLink l = link;
    return l != null && l.inTransaction() ? l : null;
  }

  void closeLink() {
    OwnerLink l = link;
    link = null;
    schema.ended();
    if (l != null) {
      l.close();
    }
  }

  boolean autoCommit() {
    return autoCommit;
  }

  boolean readOnly() {
    return readOnly;
  }

  /**
   * Sends a setting or transaction control ({@link ForwardedSession}'s constants) to the owner's
   * session when there is one, then applies it to the session here.
   */
  void control(int op, boolean on) throws SQLException {
    Session here = here();
    if (here == local && link != null) {
      requireLink().control(op, on);
      if (op == ForwardedSession.COMMIT || op == ForwardedSession.ROLLBACK) {
        schema.ended();
      }
    }
    switch (op) {
      case ForwardedSession.AUTO_COMMIT -> {
        here.setAutoCommit(on);
        autoCommit = on;
      }
      case ForwardedSession.READ_ONLY -> {
        here.setReadOnly(on);
        readOnly = on;
      }
      case ForwardedSession.COMMIT -> here.commit();
      default -> here.rollback();
    }
  }

  void setWriterWait(Duration wait) throws SQLException {
    Session o = owned();
    (o != null ? o : local).setWriterWait(wait);
    writerWait = wait;
    if (o == null && link != null) {
      requireLink().writerWait(wait);
    }
  }

  /** Cancels the statement this connection runs, wherever it runs. */
  void cancel() {
    Session o = owned;
    OwnerLink l = link;
    if (o != null) {
      o.cancel();
    } else if (l != null) {
      l.cancel(); // only when a forwarded statement runs; a local one is cancelled below
    }
    local.cancel();
  }

  boolean inTransaction() {
    Session o = owned;
    return o != null ? o.inTransaction() : inRemoteTransaction() != null || local.inTransaction();
  }

  /** Closes the link and the session of this process's own engine. */
  void close() throws SQLException {
    closeLink();
    Session o = owned;
    if (o != null) {
      o.close();
    }
  }
}
