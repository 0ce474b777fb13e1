package io.pluresdb.store.postgres;

import io.pluresdb.crdt.error.Errors;
import io.pluresdb.crdt.error.SqlState;
import io.pluresdb.crdt.op.LogEntry;
import io.pluresdb.crdt.op.ReceivedTx;
import io.pluresdb.crdt.store.ApplyResult;
import io.pluresdb.crdt.store.Store;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps a hub's own store and the shared log in PostgreSQL in step, both ways: what the hub's store
 * commits (its clients' writes, which its sessions applied and verified) is appended to the shared
 * log, and what other hubs appended there is applied to the hub's store, whose change feed then
 * hands it to the hub's sessions. So a write through one hub reaches the clients of every hub.
 *
 * <p>Records travel byte for byte (signatures intact) and both sides are idempotent by transaction
 * id, so a record pulled from the log and appended back is a duplicate that changes nothing. Each
 * direction remembers how far it went (a position in the log it reads); work is coalesced on one
 * thread: a commit asks for a push, a wake-up from PostgreSQL for a pull and a push.
 */
public final class HubMirror implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(HubMirror.class);
  private static final int BATCH = 500;
  private static final String ORIGIN = "postgresql";

  private final Store store;
  private final PgLog log;
  private final ExecutorService worker;
  private final AtomicBoolean pushWanted = new AtomicBoolean();
  private final AtomicBoolean pullWanted = new AtomicBoolean();
  private final AutoCloseable subscription;
  private long pulled; // position in the shared log applied to the hub's store
  private long pushed; // position in the hub's log appended to the shared log

  private HubMirror(Store store, PgLog log) {
    this.store = store;
    this.log = log;
    this.worker =
        Executors.newSingleThreadExecutor(
            r -> {
              Thread t = new Thread(r, "pluresdb-pg-mirror");
              t.setDaemon(true);
              return t;
            });
    this.subscription = store.changeFeed().subscribe(change -> push());
  }

  /**
   * Makes {@code store} serve the database of {@code log} (the first hub names it; a later hub's
   * fresh store joins it), catches it up with the log and the log with it, then keeps both in step.
   * A hub hands out no node numbers: its clients generate keys from their clocks, since no hub
   * holds the database's pool of numbers alone.
   *
   * @throws SQLException 55000 when {@code store} already belongs to another database
   */
  public static HubMirror start(Store store, PgLog log) throws SQLException {
    String id = log.claimDatabaseId(store.databaseId());
    if (!store.joinDatabase(id)) {
      throw Errors.of(
          SqlState.OBJECT_NOT_IN_PREREQUISITE_STATE,
          "the hub's database "
              + store.databaseId()
              + " is not the one its PostgreSQL store serves ("
              + id
              + "); a hub on PostgreSQL needs a fresh or matching local store");
    }
    store.takeNodeNumber(-1);
    HubMirror m = new HubMirror(store, log);
    try {
      m.pullAll();
      m.pushAll();
    } catch (SQLException e) {
      m.close();
      throw e;
    }
    return m;
  }

  /** Another hub appended, or it is time to look: pull what is new, and push what is waiting. */
  void wake() {
    if (!pullWanted.getAndSet(true)) {
      submit(
          () -> {
            pullWanted.set(false);
            pullAll();
          });
    }
    push();
  }

  /** The hub's store committed: append what is new in its log. */
  private void push() {
    if (!pushWanted.getAndSet(true)) {
      submit(
          () -> {
            pushWanted.set(false);
            pushAll();
          });
    }
  }

  private interface Step {
    void run() throws SQLException;
  }

  private void submit(Step step) {
    if (worker.isShutdown()) {
      return;
    }
    worker.execute(
        () -> {
          try {
            step.run();
          } catch (SQLException | RuntimeException e) {
            // the next commit or wake-up (at least every few seconds) tries again from where it was
            LOG.warn("mirroring with the PostgreSQL log failed; retrying at the next wake-up", e);
          }
        });
  }

  private synchronized void pullAll() throws SQLException {
    List<LogEntry> page;
    while (!(page = log.readAfter(pulled, BATCH)).isEmpty()) {
      List<ReceivedTx> records = page.stream().map(LogEntry::received).toList();
      ApplyResult r = store.applyRemote(records, ORIGIN);
      if (!(r instanceof ApplyResult.Applied)) {
        throw Errors.of(
            SqlState.DATA_EXCEPTION,
            "the hub's store refused log entries after position " + pulled + ": " + r);
      }
      pulled = page.get(page.size() - 1).seq();
    }
  }

  private synchronized void pushAll() throws SQLException {
    List<LogEntry> page;
    while (!(page = store.readLog(pushed, BATCH)).isEmpty()) {
      log.append(page.stream().map(LogEntry::received).toList());
      pushed = page.get(page.size() - 1).seq();
    }
  }

  @Override
  public void close() {
    try {
      subscription.close();
    } catch (Exception e) {
      LOG.debug("unsubscribing from the change feed failed", e);
    }
    worker.shutdown();
    try {
      if (!worker.awaitTermination(30, TimeUnit.SECONDS)) {
        worker.shutdownNow();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      worker.shutdownNow();
    }
  }
}
