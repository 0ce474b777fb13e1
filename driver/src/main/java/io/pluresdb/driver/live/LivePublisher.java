package io.pluresdb.driver.live;

import io.pluresdb.engine.api.LiveEvent;
import io.pluresdb.engine.api.LiveFeed;
import io.pluresdb.engine.api.LiveHandle;
import io.pluresdb.engine.api.Session;
import io.pluresdb.jdbc.LiveChange;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.Flow;
import org.jspecify.annotations.Nullable;

/**
 * A live query as a {@link Flow.Publisher}: each subscriber opens its own subscription and gets
 * changes only as it requests them (reactive-streams rules 1.1, 1.3, 3.9). While it requests
 * nothing, changes wait in the subscription's bounded buffer; past that, it gets a RESET and the
 * current result.
 *
 * <p>Thread-safe: {@link #subscribe} may be called from any thread.
 */
public final class LivePublisher implements Flow.Publisher<LiveChange> {
  private final Session session;
  private final String sql;
  private final List<Object> params;

  public LivePublisher(Session session, String sql, List<Object> params) {
    this.session = session;
    this.sql = sql;
    this.params = new ArrayList<>(params);
  }

  @Override
  public void subscribe(Flow.Subscriber<? super LiveChange> subscriber) {
    LiveHandle s;
    try {
      s = session.subscribe(sql, params);
    } catch (SQLException e) {
      subscriber.onSubscribe(
          new Flow.Subscription() {
            @Override
            public void request(long n) {}

            @Override
            public void cancel() {}
          });
      subscriber.onError(e);
      return;
    }
    Demand d = new Demand(s, subscriber);
    subscriber.onSubscribe(d);
    s.sink().onReady(d::schedule);
  }

  /**
   * One subscriber's subscription. Thread-safe: {@code requested} and {@code done} are guarded by
   * the instance's monitor; signals run on a serial executor, one at a time.
   */
  private static final class Demand implements Flow.Subscription {
    private final LiveHandle subscription;
    private final Flow.Subscriber<? super LiveChange> subscriber;
    private final Changes changes;
    private final Executor executor;
    private long requested;
    private boolean done;
    private @Nullable IllegalArgumentException invalid;

    Demand(LiveHandle subscription, Flow.Subscriber<? super LiveChange> subscriber) {
      this.subscription = subscription;
      this.subscriber = subscriber;
      this.changes = new Changes(subscription.columns());
      this.executor = subscription.delivery();
    }

    @Override
    public void request(long n) {
      synchronized (this) {
        if (n <= 0) {
          invalid = new IllegalArgumentException("request(" + n + "): must be positive (3.9)");
        } else {
          requested = requested + n < 0 ? Long.MAX_VALUE : requested + n;
        }
      }
      schedule();
    }

    @Override
    public void cancel() {
      synchronized (this) {
        done = true;
      }
      subscription.close();
    }

    void schedule() {
      executor.execute(this::pump);
    }

    private void pump() {
      while (true) {
        long want;
        IllegalArgumentException bad;
        synchronized (this) {
          if (done) {
            return;
          }
          bad = invalid;
          want = requested;
        }
        if (bad != null) {
          cancel();
          subscriber.onError(bad);
          return;
        }
        List<LiveEvent> events = want == 0 ? List.of() : subscription.sink().drain(want);
        if (events.isEmpty()) {
          LiveFeed.End end = subscription.sink().endState();
          if (end != null) {
            synchronized (this) {
              done = true;
            }
            if (end.cause() == null) {
              subscriber.onComplete();
            } else {
              subscriber.onError(end.cause());
            }
          }
          return;
        }
        synchronized (this) {
          requested -= events.size();
        }
        for (LiveEvent e : events) {
          subscriber.onNext(changes.of(e));
        }
      }
    }
  }
}
