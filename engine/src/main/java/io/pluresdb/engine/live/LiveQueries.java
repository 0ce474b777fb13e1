package io.pluresdb.engine.live;

import io.pluresdb.crdt.error.Errors;
import io.pluresdb.crdt.error.SqlState;
import io.pluresdb.crdt.store.Store;
import io.pluresdb.engine.threads.EngineRuntime;
import io.pluresdb.sql.live.LiveQuery;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;

/**
 * The live-query reactor of one store. The change feed hands it each committed change set (local or
 * remote) on the committing thread, which only enqueues; one reactor thread ({@link Reactor}) then
 * finds the subscriptions each change can affect, re-evaluates them and offers the differences to
 * their buffers ({@link ChangeMatcher}). Registering a subscription goes through the same queue
 * ({@link Registrar}), so its initial rows and every later change are ordered with the commits.
 *
 * <p>{@code _version}: each row carries the log position ({@code ChangeSet.entry().seq()}) of the
 * latest transaction the reactor had taken when it computed the row; it never decreases within a
 * subscription. The state read may already include later commits, whose own change sets then
 * produce no further rows.
 *
 * <p>Thread-safe: {@link #open} and {@link LiveSubscription#close} from any thread; they only queue
 * work for the reactor thread, which this object starts and, through the handle {@link #start}
 * returns, stops. The set of open subscriptions is concurrent.
 */
public final class LiveQueries {
  private final Store store;
  private final EngineRuntime runtime;
  private final Set<LiveSubscription> open = ConcurrentHashMap.newKeySet();
  private final ReactorProgress progress = new ReactorProgress();
  private final Reactor reactor;
  private volatile Thread thread;

  /**
   * The reactor of {@code store}; its thread and its subscribers' deliveries run on {@code
   * runtime}.
   */
  public LiveQueries(Store store, EngineRuntime runtime) {
    this.store = store;
    this.runtime = runtime;
    this.reactor = new Reactor(store, open, progress);
  }

  /** Starts the reactor thread; closing the handle stops it and ends every subscription. */
  public synchronized AutoCloseable start() {
    if (thread != null) {
      throw new IllegalStateException("the live-query reactor is already started");
    }
    Thread t = runtime.thread("live", reactor);
    thread = t;
    t.start();
    return this::stop;
  }

  private void stop() throws InterruptedException {
    reactor.stop();
    Thread t = thread;
    if (t != null && t != Thread.currentThread()) {
      t.join();
    }
  }

  /**
   * Opens a subscription: compiles nothing (the query is planned), registers it with the reactor
   * and returns once its initial rows are buffered. A query that fails fails here.
   */
  public LiveSubscription open(LiveQuery query, List<Object> params, int capacity)
      throws SQLException {
    if (thread == null || reactor.stopped()) {
      throw Errors.of(
          SqlState.OBJECT_NOT_IN_PREREQUISITE_STATE,
          "live queries are not running on database " + store.databaseId());
    }
    if (params.size() < query.parameterCount()) {
      throw Errors.of(
          SqlState.INVALID_PARAMETER_NUMBER,
          "no value specified for parameter " + (params.size() + 1));
    }
    LiveSubscription s = new LiveSubscription(query, params, capacity, this, runtime.serial());
    open.add(s);
    CompletableFuture<Void> done = new CompletableFuture<>();
    reactor.submit(new Reactor.Register(s, done));
    try {
      done.get();
      return s;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      s.close();
      throw Errors.of(SqlState.QUERY_CANCELED, "interrupted while starting a subscription", e);
    } catch (ExecutionException e) {
      s.close();
      if (e.getCause() instanceof SQLException se) {
        throw se;
      }
      throw Errors.of(SqlState.INTERNAL_ERROR, "starting a subscription: " + e.getCause(), e);
    }
  }

  /** A subscription ended (any thread): the reactor forgets it in turn. */
  void unregister(LiveSubscription s) {
    open.remove(s);
    reactor.submit(new Reactor.Unregister(s));
  }

  /** The log position of the latest change set the reactor has processed. */
  public long processedSeq() {
    return progress.processedSeq();
  }

  /**
   * How many times a subscription was re-evaluated because of a change (for tests and diagnostics:
   * the index keeps it near the number of affected subscriptions).
   */
  public long evaluations() {
    return progress.evaluations();
  }

  /** Open subscriptions (for tests and diagnostics). */
  public int subscriptions() {
    return open.size();
  }
}
