package io.pluresdb.engine.live;

import io.pluresdb.engine.api.LiveHandle;
import io.pluresdb.sql.live.LiveQuery;
import io.pluresdb.sql.read.ColumnMeta;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One live query: the subscriber's handle (its {@link LiveSink} and {@link #close}) and the
 * reactor's bookkeeping of the result the subscriber has been told about.
 *
 * <p>Thread-safe handle: {@link #close} and {@link #end} may be called from any thread. The result
 * fields ({@code rows}, {@code byKey}, {@code version}, {@code bound}) belong to the reactor thread
 * alone.
 */
public final class LiveSubscription implements LiveHandle {
  final LiveQuery query;
  final List<Object> params;
  private final LiveSink sink;
  private final Executor delivery;
  private final LiveQueries owner;
  private final AtomicBoolean closed = new AtomicBoolean();
  private volatile Runnable whenEnded = () -> {};

  // ---- reactor thread only
  /** The result as last told, for subscriptions whose rows are not entities. */
  List<Object[]> rows = List.of();

  /** The result as last told, by entity key, for {@link LiveQuery#keyed} subscriptions. */
  final Map<RowKey, Object[]> byKey = new LinkedHashMap<>();

  /** The filter's value for these parameters, or null when the filter cannot be used. */
  Object bound;

  long version;

  LiveSubscription(
      LiveQuery query, List<Object> params, int capacity, LiveQueries owner, Executor delivery) {
    this.delivery = delivery;
    this.query = query;
    this.params = Collections.unmodifiableList(new ArrayList<>(params)); // may hold nulls
    this.sink = new LiveSink(capacity);
    this.owner = owner;
  }

  /** The columns the subscriber sees (without {@code _change} and {@code _version}). */
  @Override
  public List<ColumnMeta> columns() {
    return query.columns();
  }

  @Override
  public LiveSink sink() {
    return sink;
  }

  @Override
  public Executor delivery() {
    return delivery;
  }

  /** True when the filter narrows this subscription in the index. */
  boolean filtered() {
    return query.keyed() && query.filter() != null && bound != null;
  }

  /** The rows currently told, in order. */
  List<Object[]> currentRows() {
    return query.keyed() ? new ArrayList<>(byKey.values()) : rows;
  }

  /** Runs {@code hook} once the subscription has ended (at once if it already has). */
  @Override
  public void whenEnded(Runnable hook) {
    whenEnded = hook;
    if (closed.get()) {
      hook.run();
    }
  }

  /** Ends the stream with {@code cause} (null: closed normally) and unregisters it. */
  @Override
  public void end(SQLException cause) {
    sink.end(cause);
    if (closed.compareAndSet(false, true)) {
      owner.unregister(this);
      whenEnded.run();
    }
  }

  /** Ends the subscription normally; the consumer sees the end of the stream. Idempotent. */
  @Override
  public void close() {
    end(null);
  }
}
