package io.pluresdb.engine.live;

import io.pluresdb.crdt.error.Errors;
import io.pluresdb.crdt.error.SqlState;
import io.pluresdb.crdt.feed.ChangeSet;
import io.pluresdb.crdt.feed.EntityChange;
import io.pluresdb.crdt.schema.SchemaChange;
import io.pluresdb.crdt.store.Store;
import io.pluresdb.engine.api.ChangeKind;
import io.pluresdb.engine.api.LiveEvent;
import io.pluresdb.engine.threads.EngineRuntime;
import io.pluresdb.sql.live.LiveQuery;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The live-query reactor of one store. The change feed hands it each committed change set (local or
 * remote) on the committing thread, which only enqueues; one reactor thread then finds the
 * subscriptions each change can affect ({@link SubscriptionIndex}), re-evaluates them ({@link
 * Evaluator}) and offers the differences to their buffers. Registering a subscription goes through
 * the same queue, so its initial rows and every later change are ordered with the commits.
 *
 * <p>{@code _version}: each row carries the log position ({@code ChangeSet.entry().seq()}) of the
 * latest transaction the reactor had taken when it computed the row; it never decreases within a
 * subscription. The state read may already include later commits, whose own change sets then
 * produce no further rows.
 *
 * <p>Thread-safe: {@link #open} and {@link LiveSubscription#close} from any thread; everything else
 * runs on the reactor thread.
 */
public final class LiveQueries {
  private static final Logger LOG = LoggerFactory.getLogger(LiveQueries.class);
  private static final Object STOP = new Object();

  private record Register(LiveSubscription subscription, CompletableFuture<Void> done) {}

  private record Unregister(LiveSubscription subscription) {}

  private final Store store;
  private final EngineRuntime runtime;
  private final LinkedBlockingQueue<Object> inbox = new LinkedBlockingQueue<>();
  private final Set<LiveSubscription> open = ConcurrentHashMap.newKeySet();
  private volatile Thread thread;
  private volatile boolean stopped;
  private volatile long processedSeq;
  private final AtomicLong evaluations = new AtomicLong();

  // ---- reactor thread only
  private final SubscriptionIndex index = new SubscriptionIndex();
  private final Set<LiveSubscription> registered = new HashSet<>();
  private AutoCloseable feed;
  private Evaluator evaluator;

  /**
   * The reactor of {@code store}; its thread and its subscribers' deliveries run on {@code
   * runtime}.
   */
  public LiveQueries(Store store, EngineRuntime runtime) {
    this.store = store;
    this.runtime = runtime;
  }

  /** Starts the reactor thread; closing the handle stops it and ends every subscription. */
  public synchronized AutoCloseable start() {
    if (thread != null) {
      throw new IllegalStateException("the live-query reactor is already started");
    }
    Thread t = runtime.thread("live", this::run);
    thread = t;
    t.start();
    return this::stop;
  }

  private void stop() throws InterruptedException {
    stopped = true;
    inbox.add(STOP);
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
    if (thread == null || stopped) {
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
    inbox.add(new Register(s, done));
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

  void unregister(LiveSubscription s) {
    open.remove(s);
    inbox.add(new Unregister(s));
  }

  /** The log position of the latest change set the reactor has processed. */
  public long processedSeq() {
    return processedSeq;
  }

  /**
   * How many times a subscription was re-evaluated because of a change (for tests and diagnostics:
   * the index keeps it near the number of affected subscriptions).
   */
  public long evaluations() {
    return evaluations.get();
  }

  /** Open subscriptions (for tests and diagnostics). */
  public int subscriptions() {
    return open.size();
  }

  // ---- the reactor thread

  private void run() {
    SQLException end = Errors.of(SqlState.CONNECTION_DOES_NOT_EXIST, "the database is closed");
    try {
      evaluator = new Evaluator(store);
      List<Object> batch = new ArrayList<>();
      while (!stopped) {
        batch.add(inbox.take());
        inbox.drainTo(batch, 4096);
        process(batch);
        batch.clear();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (SQLException | RuntimeException e) {
      LOG.error("the live-query reactor failed", e);
      end = Errors.of(SqlState.INTERNAL_ERROR, "the live-query reactor failed: " + e, e);
    } finally {
      stopped = true;
      for (LiveSubscription s : List.copyOf(open)) {
        s.end(end);
      }
      for (Object o : inbox) {
        if (o instanceof Register r) {
          r.subscription().end(end);
          r.done().completeExceptionally(end);
        }
      }
      closeQuietly(feed);
      closeQuietly(evaluator);
    }
  }

  private void process(List<Object> batch) throws SQLException {
    List<ChangeSet> group = new ArrayList<>();
    for (Object o : batch) {
      if (o instanceof ChangeSet cs) {
        group.add(cs);
        continue;
      }
      changes(group);
      group.clear();
      if (o instanceof Register r) {
        register(r);
      } else if (o instanceof Unregister u) {
        if (registered.remove(u.subscription())) {
          index.remove(u.subscription());
        }
        if (registered.isEmpty()) {
          closeQuietly(feed); // committers stop building change sets for nobody
          feed = null;
        }
      }
    }
    changes(group);
  }

  private void register(Register r) {
    LiveSubscription s = r.subscription();
    if (s.sink().ended()) {
      r.done().complete(null);
      return;
    }
    try {
      if (feed == null) {
        // Before the snapshot: every commit after it reaches the reactor.
        feed = store.changeFeed().subscribe(inbox::add);
      }
      long seq = store.lastSeq();
      LiveQuery q = s.query;
      s.bound = q.filter() == null ? null : q.filter().bound(s.params);
      List<Object[]> rows = evaluator.rows(q.read(), s.params);
      s.version = Math.max(seq, processedSeq);
      registered.add(s);
      index.add(s);
      remember(s, rows);
      s.sink().load(ResultDiff.initial(rows, q.visible(), s.version));
      r.done().complete(null);
    } catch (SQLException | RuntimeException e) {
      r.done().completeExceptionally(e);
    }
  }

  /**
   * Processes change sets in commit order. A subscription checked through row images gets each
   * transaction's own effect; the others are checked once for the whole group against the current
   * state (by key, or by re-running the query), which coalesces changes that committed meanwhile.
   */
  private void changes(List<ChangeSet> group) throws SQLException {
    if (group.isEmpty()) {
      return;
    }
    long seq = group.get(group.size() - 1).entry().seq();
    Map<LiveSubscription, List<LiveEvent>> out = new LinkedHashMap<>();
    Set<LiveSubscription> refresh = new LinkedHashSet<>();
    Map<LiveSubscription, Map<RowKey, Object[]>> probes = new LinkedHashMap<>();
    Set<LiveSubscription> candidates = new HashSet<>();
    for (ChangeSet cs : group) {
      if (!cs.schemaChanges().isEmpty()) {
        evaluator.schemaChanged();
      }
      for (SchemaChange sc : cs.schemaChanges()) {
        String table = tableOf(sc);
        if (table != null) {
          index.allOf(table, refresh);
        } else {
          refresh.addAll(registered.stream().filter(s -> s.query.anyTable()).toList());
        }
      }
      for (EntityChange c : cs.changes()) {
        candidates.clear();
        index.candidates(c, candidates);
        for (LiveSubscription s : candidates) {
          route(s, c, cs.entry().seq(), refresh, probes, out);
        }
      }
    }
    processedSeq = seq;
    for (LiveSubscription s : refresh) {
      probes.remove(s);
      evaluate(s, out, () -> evaluator.refresh(s, seq, index));
    }
    for (Map.Entry<LiveSubscription, Map<RowKey, Object[]>> p : probes.entrySet()) {
      LiveSubscription s = p.getKey();
      evaluate(s, out, () -> evaluator.probe(s, p.getValue(), seq, index));
    }
    for (Map.Entry<LiveSubscription, List<LiveEvent>> e : out.entrySet()) {
      deliver(e.getKey(), e.getValue(), seq);
    }
  }

  /** Checks a change against a candidate now (row image), or queues it for the group's end. */
  private void route(
      LiveSubscription s,
      EntityChange c,
      long seq,
      Set<LiveSubscription> refresh,
      Map<LiveSubscription, Map<RowKey, Object[]>> probes,
      Map<LiveSubscription, List<LiveEvent>> out) {
    boolean ownTable = c.table().equals(s.query.table());
    if (!ownTable || s.query.probe() == null || refresh.contains(s)) {
      refresh.add(s);
      return;
    }
    if (s.query.image() != null && !probes.containsKey(s)) {
      boolean[] imaged = {false};
      evaluate(
          s,
          out,
          () -> {
            List<LiveEvent> events = evaluator.image(s, c, seq, index);
            imaged[0] = events != null;
            return events == null ? List.of() : events;
          });
      if (imaged[0] || s.sink().ended()) {
        return;
      }
    }
    probes.computeIfAbsent(s, k -> new LinkedHashMap<>()).put(RowKey.of(c.key()), c.key());
  }

  /** Work that computes a subscription's changes. */
  @FunctionalInterface
  private interface Step {
    List<LiveEvent> run() throws SQLException;
  }

  /** Runs a step, adding its changes to the subscription's output; a failure ends it. */
  private void evaluate(LiveSubscription s, Map<LiveSubscription, List<LiveEvent>> out, Step step) {
    if (s.sink().ended()) {
      return;
    }
    evaluations.incrementAndGet();
    try {
      List<LiveEvent> events = step.run();
      if (!events.isEmpty()) {
        out.computeIfAbsent(s, k -> new ArrayList<>()).addAll(events);
      }
    } catch (SQLException e) {
      s.end(e);
    } catch (RuntimeException e) {
      LOG.warn("a live query failed: {}", s.query.read().sqliteSql(), e);
      s.end(Errors.of(SqlState.INTERNAL_ERROR, "the live query failed: " + e, e));
    }
  }

  /** Offers a subscription its changes; one that fell behind gets a RESET and the result. */
  private void deliver(LiveSubscription s, List<LiveEvent> events, long seq) {
    if (s.sink().ended() || s.sink().offer(events)) {
      return;
    }
    try {
      List<LiveEvent> snapshot = evaluator.snapshot(s, seq, index);
      s.sink()
          .reset(
              new LiveEvent(ChangeKind.RESET, new Object[s.query.visible()], s.version), snapshot);
    } catch (SQLException e) {
      s.end(e);
    }
  }

  /** The table a schema change touches, or null for views. */
  private static String tableOf(SchemaChange sc) {
    if (sc instanceof SchemaChange.CreateTable c) {
      return c.table().name();
    } else if (sc instanceof SchemaChange.DropTable d) {
      return d.table();
    } else if (sc instanceof SchemaChange.AddColumn a) {
      return a.table();
    } else if (sc instanceof SchemaChange.CreateIndex i) {
      return i.index().table();
    }
    return null;
  }

  private void remember(LiveSubscription s, List<Object[]> rows) {
    Evaluator.remember(s, rows, index);
  }

  private static void closeQuietly(AutoCloseable c) {
    if (c == null) {
      return;
    }
    try {
      c.close();
    } catch (Exception e) {
      LOG.warn("closing {} failed", c, e);
    }
  }
}
