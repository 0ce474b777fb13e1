package io.pluresdb.engine.live;

import io.pluresdb.crdt.feed.ChangeSet;
import io.pluresdb.crdt.store.Store;
import io.pluresdb.sql.live.LiveQuery;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Registers and unregisters subscriptions on the reactor thread: computes a new subscription's
 * initial rows, enters it in the {@link SubscriptionIndex}, and keeps the reactor subscribed to the
 * change feed exactly while some subscription is registered.
 *
 * <p>Holding the feed only while needed matters: committers build change sets (row images included)
 * for every listener, so an idle reactor must cost them nothing.
 *
 * <p>Not thread-safe: owned by the reactor thread, as are the index and the registered set it
 * shares with {@link ChangeMatcher}.
 */
final class Registrar implements AutoCloseable {
  private final Store store;
  private final Evaluator evaluator;
  private final SubscriptionIndex index;
  private final Set<LiveSubscription> registered;
  private final ReactorProgress progress;
  private final Consumer<ChangeSet> inbox;
  private AutoCloseable feed; // null while nothing is registered

  /** {@code inbox}: where the change feed delivers, on the committing thread. */
  Registrar(
      Store store,
      Evaluator evaluator,
      SubscriptionIndex index,
      Set<LiveSubscription> registered,
      ReactorProgress progress,
      Consumer<ChangeSet> inbox) {
    this.store = store;
    this.evaluator = evaluator;
    this.index = index;
    this.registered = registered;
    this.progress = progress;
    this.inbox = inbox;
  }

  /**
   * Computes the subscription's initial rows and buffers them; completes {@code r}'s future, with
   * the query's failure if it fails.
   */
  void register(Reactor.Register r) {
    LiveSubscription s = r.subscription();
    if (s.sink().ended()) {
      r.done().complete(null); // closed before the reactor got to it
      return;
    }
    try {
      if (feed == null) {
        // Before the snapshot: every commit after it reaches the reactor.
        feed = store.changeFeed().subscribe(inbox);
      }
      long seq = store.lastSeq();
      LiveQuery q = s.query;
      s.bound = q.filter() == null ? null : q.filter().bound(s.params);
      List<Object[]> rows = evaluator.rows(q.read(), s.params);
      s.version = Math.max(seq, progress.processedSeq());
      registered.add(s);
      index.add(s);
      Evaluator.remember(s, rows, index);
      s.sink().load(ResultDiff.initial(rows, q.visible(), s.version));
      r.done().complete(null);
    } catch (SQLException | RuntimeException e) {
      r.done().completeExceptionally(e);
    }
  }

  /** Forgets a subscription; the last one gone unsubscribes from the change feed. */
  void unregister(LiveSubscription s) {
    if (registered.remove(s)) {
      index.remove(s);
    }
    if (registered.isEmpty()) {
      Reactor.closeQuietly(feed); // committers stop building change sets for nobody
      feed = null;
    }
  }

  /** Unsubscribes from the change feed (the reactor is ending). */
  @Override
  public void close() {
    Reactor.closeQuietly(feed);
    feed = null;
  }
}
