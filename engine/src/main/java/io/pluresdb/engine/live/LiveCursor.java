package io.pluresdb.engine.live;

import io.pluresdb.crdt.error.Errors;
import io.pluresdb.crdt.error.SqlState;
import io.pluresdb.crdt.schema.ColumnType;
import io.pluresdb.engine.api.Cursor;
import io.pluresdb.engine.api.LiveEvent;
import io.pluresdb.engine.api.LiveFeed;
import io.pluresdb.sql.live.LiveQuery;
import io.pluresdb.sql.read.ColumnMeta;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The never-ending cursor of {@code SUBSCRIBE}: the query's columns plus {@code _change} and {@code
 * _version}. {@link #next} blocks until the next row; it fails with 57014 when the query timeout
 * passes without one (the subscription stays open, so the caller may call it again) or when the
 * statement is cancelled (which ends the subscription). It returns false once the subscription was
 * closed, and fails with the cause when the connection or database went away.
 *
 * <p>Not thread-safe, except {@link #cancel()}, which any thread may call.
 */
public final class LiveCursor implements Cursor {
  /** The label of the change column. */
  public static final String CHANGE = LiveQuery.CHANGE;

  /** The label of the version column. */
  public static final String VERSION = LiveQuery.VERSION;

  private final LiveSubscription subscription;
  private final List<ColumnMeta> columns;
  private final int timeoutSeconds;
  private LiveEvent current;
  private boolean closed;

  /**
   * @param timeoutSeconds how long one {@link #next} waits for a row; 0 for no limit
   */
  public LiveCursor(LiveSubscription subscription, int timeoutSeconds) {
    this.subscription = subscription;
    this.timeoutSeconds = timeoutSeconds;
    List<ColumnMeta> c = new ArrayList<>(subscription.columns());
    c.add(new ColumnMeta(CHANGE, CHANGE, "", ColumnType.VARCHAR, 8, 0, false, false));
    c.add(new ColumnMeta(VERSION, VERSION, "", ColumnType.BIGINT, 19, 0, false, false));
    this.columns = List.copyOf(c);
  }

  @Override
  public List<ColumnMeta> columns() {
    return columns;
  }

  @Override
  public boolean next() throws SQLException {
    if (closed) {
      throw Errors.of(SqlState.INVALID_CURSOR_STATE, "the subscription cursor is closed");
    }
    current = null;
    Object next;
    try {
      next =
          subscription
              .sink()
              .poll(timeoutSeconds > 0 ? TimeUnit.SECONDS.toNanos(timeoutSeconds) : -1);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      close();
      throw Errors.of(SqlState.QUERY_CANCELED, "canceling statement: interrupted", e);
    }
    if (next == null) {
      throw Errors.of(
          SqlState.QUERY_CANCELED,
          "canceling statement due to statement timeout: no change within "
              + timeoutSeconds
              + " s");
    }
    if (next instanceof LiveFeed.End end) {
      close();
      if (end.cause() != null) {
        throw end.cause();
      }
      return false;
    }
    current = (LiveEvent) next;
    return true;
  }

  @Override
  public Object get(int column) throws SQLException {
    if (current == null) {
      throw Errors.of(SqlState.INVALID_CURSOR_STATE, "the cursor is not on a row");
    }
    int visible = columns.size() - 2;
    if (column < 1 || column > columns.size()) {
      throw Errors.of(
          SqlState.INVALID_DESCRIPTOR_INDEX,
          "column " + column + " is out of range 1.." + columns.size());
    }
    if (column == visible + 1) {
      return current.kind().name();
    }
    if (column == visible + 2) {
      return current.version();
    }
    return current.row()[column - 1];
  }

  /** Rows waiting in the subscription's buffer (for tests). */
  public int bufferedForTest() {
    return subscription.sink().buffered();
  }

  @Override
  public boolean unbounded() {
    return true;
  }

  /** Ends the subscription; the blocked or next {@link #next} fails with 57014. Any thread. */
  @Override
  public void cancel() {
    subscription.end(Errors.of(SqlState.QUERY_CANCELED, "canceling statement due to user request"));
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    current = null;
    subscription.close();
  }
}
