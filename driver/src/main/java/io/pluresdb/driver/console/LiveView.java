package io.pluresdb.driver.console;

import io.pluresdb.jdbc.LiveChange;
import io.pluresdb.jdbc.LiveListener;
import io.pluresdb.jdbc.PluresConnection;
import io.pluresdb.sync.http.EventStream;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A live query shown on the page: the driver's subscription to the query, each batch of changes
 * sent as one server-sent event {@code changes} ({@code {"columns":[...],"changes":[{"kind":
 * "INSERT","values":[...]}]}}), a failure as {@code failure} with its SQLState, and the end as
 * {@code end}. The page applies the changes to its rows in place.
 *
 * <p>Thread-safe: the driver calls the listener one batch at a time; {@link #close} is idempotent
 * and never runs on the network thread that notices the page has gone (closing the last connection
 * of a node stops that thread's event loop).
 */
final class LiveView implements LiveListener, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(LiveView.class);

  private final EventStream stream;
  private final Connection connection;
  private final AtomicBoolean closed = new AtomicBoolean();
  private volatile @Nullable AutoCloseable subscription;

  private LiveView(EventStream stream, Connection connection) {
    this.stream = stream;
    this.connection = connection;
  }

  /**
   * Subscribes to {@code sql} on {@code c} (which the view then owns) and streams its changes until
   * either side closes {@code stream}; the view is then closed on {@code closer}.
   */
  static LiveView open(Connection c, String sql, EventStream stream, Executor closer) {
    LiveView view = new LiveView(stream, c);
    try {
      view.subscription = c.unwrap(PluresConnection.class).subscribe(sql, List.of(), view);
    } catch (SQLException e) {
      stream.send("failure", Json.text(Json.error(e)));
      stream.close();
    }
    stream.onClose(
        () -> {
          try {
            closer.execute(view::close);
          } catch (RejectedExecutionException e) {
            LOG.debug("the console is stopping and closes its live views itself");
          }
        });
    return view;
  }

  @Override
  public void onChanges(List<LiveChange> changes) {
    if (changes.isEmpty()) {
      return;
    }
    List<Map<String, Object>> out = new ArrayList<>(changes.size());
    for (LiveChange ch : changes) {
      List<@Nullable Object> values = new ArrayList<>(ch.values().size());
      for (Object v : ch.values()) {
        values.add(Json.value(v));
      }
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("kind", ch.kind().name());
      m.put("version", ch.version());
      m.put("values", values);
      out.add(m);
    }
    stream.send("changes", Json.text(Map.of("columns", changes.get(0).columns(), "changes", out)));
  }

  @Override
  public void onEnd(@Nullable SQLException cause) {
    if (cause != null) {
      stream.send("failure", Json.text(Json.error(cause)));
    } else {
      stream.send("end", "{}");
    }
    stream.close();
  }

  /** Ends the stream, the subscription and the connection. */
  @Override
  public void close() {
    if (closed.compareAndSet(false, true)) {
      stream.close();
      closeResources();
    }
  }

  private void closeResources() {
    AutoCloseable s = subscription;
    subscription = null;
    if (s != null) {
      closeQuietly(s);
    }
    closeQuietly(connection);
  }

  private static void closeQuietly(AutoCloseable c) {
    try {
      c.close();
    } catch (Exception e) {
      // the page has gone; what its subscription or connection says on closing has no reader
      LOG.debug("closing a live view", e);
    }
  }
}
