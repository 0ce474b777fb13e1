package io.pluresdb.engine.live;

import io.pluresdb.crdt.error.Errors;
import io.pluresdb.crdt.error.SqlState;
import io.pluresdb.crdt.feed.ChangeSet;
import io.pluresdb.crdt.store.Store;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The loop of the live-query reactor thread: takes commands and committed change sets from one
 * inbox, in the order they arrived, and hands them to {@link Registrar} and {@link ChangeMatcher}.
 *
 * <p>One inbox for both is what orders a subscription's initial rows with the commits: a change set
 * queued before a registration is processed before its snapshot is taken, one queued after is
 * matched against it. Consecutive change sets are handed over as one group so their re-evaluations
 * coalesce.
 *
 * <p>Thread-safety: {@link #submit} and {@link #stop} from any thread (the inbox is a concurrent
 * queue, {@code stopped} volatile); {@link #run} on the reactor thread, which alone owns the
 * evaluator, registrar and matcher it creates.
 */
final class Reactor implements Runnable {
  private static final Logger LOG = LoggerFactory.getLogger(Reactor.class);
  private static final Object STOP = new Object();

  /** Register a subscription; {@code done} completes once its initial rows are buffered. */
  record Register(LiveSubscription subscription, CompletableFuture<Void> done) {}

  /** Forget a subscription that ended. */
  record Unregister(LiveSubscription subscription) {}

  private final Store store;
  private final Set<LiveSubscription> open;
  private final ReactorProgress progress;
  private final LinkedBlockingQueue<Object> inbox = new LinkedBlockingQueue<>();
  private volatile boolean stopped;

  /** {@code open}: the subscriptions handed out, every one of which is ended when the loop ends. */
  Reactor(Store store, Set<LiveSubscription> open, ReactorProgress progress) {
    this.store = store;
    this.open = open;
    this.progress = progress;
  }

  /** Queues a {@link Register}, an {@link Unregister} or a {@link ChangeSet}. */
  void submit(Object message) {
    inbox.add(message);
  }

  /** True once the loop was asked to stop or has ended. */
  boolean stopped() {
    return stopped;
  }

  /** Asks the loop to stop after what it is processing; the STOP message wakes it if idle. */
  void stop() {
    stopped = true;
    inbox.add(STOP);
  }

  @Override
  public void run() {
    SQLException end = Errors.of(SqlState.CONNECTION_DOES_NOT_EXIST, "the database is closed");
    Evaluator evaluator = null;
    Registrar registrar = null;
    try {
      evaluator = new Evaluator(store);
      SubscriptionIndex index = new SubscriptionIndex();
      Set<LiveSubscription> registered = new HashSet<>();
      registrar = new Registrar(store, evaluator, index, registered, progress, inbox::add);
      ChangeMatcher matcher =
          new ChangeMatcher(evaluator, index, Collections.unmodifiableSet(registered), progress);
      List<Object> batch = new ArrayList<>();
      while (!stopped) {
        batch.add(inbox.take());
        inbox.drainTo(batch, 4096);
        process(batch, registrar, matcher);
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
      // Registrations still queued would otherwise wait forever for their initial rows.
      for (Object o : inbox) {
        if (o instanceof Register r) {
          r.subscription().end(end);
          r.done().completeExceptionally(end);
        }
      }
      if (registrar != null) {
        registrar.close();
      }
      closeQuietly(evaluator);
    }
  }

  /** Hands out a batch in order, grouping the change sets between two commands. */
  private static void process(List<Object> batch, Registrar registrar, ChangeMatcher matcher)
      throws SQLException {
    List<ChangeSet> group = new ArrayList<>();
    for (Object o : batch) {
      if (o instanceof ChangeSet cs) {
        group.add(cs);
        continue;
      }
      matcher.changes(group);
      group.clear();
      if (o instanceof Register r) {
        registrar.register(r);
      } else if (o instanceof Unregister u) {
        registrar.unregister(u.subscription());
      }
    }
    matcher.changes(group);
  }

  /** Closes a resource the reactor holds; a failure is logged, since the reactor is ending. */
  static void closeQuietly(AutoCloseable c) {
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
