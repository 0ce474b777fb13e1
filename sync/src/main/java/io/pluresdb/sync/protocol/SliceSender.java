package io.pluresdb.sync.protocol;

import io.pluresdb.crdt.clock.OpId;
import io.pluresdb.crdt.op.Coverage;
import io.pluresdb.crdt.op.RowState;
import io.pluresdb.crdt.op.RowStateBatch;
import io.pluresdb.crdt.op.RowStateCodec;
import io.pluresdb.crdt.schema.TableDef;
import io.pluresdb.crdt.store.Store;
import io.pluresdb.sync.policy.ReadSlice;
import java.nio.ByteBuffer;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Sends a client the rows of its slice as {@link Message.Rows}: the whole slice (when the session
 * opens, and again when the slice itself may have moved: a policy changed, or a table a condition
 * reads was written), or the rows some transactions touched, each as its state when it is in the
 * slice or as a removal when it left it. It remembers which rows the client holds, so a removal
 * only names a row the client was sent (or wrote itself), never another user's key.
 *
 * <p>Not thread-safe: owned by one session.
 */
final class SliceSender {
  private static final int ROWS_PER_MESSAGE = 512;

  private final Store store;
  private final Wire wire;
  private final Map<String, Set<List<Object>>> held = new HashMap<>();
  private final List<RowState> states = new ArrayList<>();
  private final List<RowState> removals = new ArrayList<>();
  private long sentRows;
  private int flags;

  SliceSender(Store store, Wire wire) {
    this.store = store;
    this.wire = wire;
  }

  /**
   * Sends every row of {@code slice}, then {@code coverage}: the client then drops every row of a
   * table it holds that this did not send.
   */
  void whole(ReadSlice slice, Coverage coverage, Outbox out) throws SQLException {
    held.clear();
    flags = Message.Rows.FIRST;
    try (Connection c = store.openReader()) {
      for (TableDef t : store.catalog().tables().values()) {
        ReadSlice.Filter f = slice.filter(t.name());
        if (f != null) {
          Set<List<Object>> keys = keys(t.name());
          store.rowStates().read(c, t.name(), f.where(), f.params(), null, r -> add(r, keys, out));
        }
      }
    }
    flags |= Message.Rows.LAST;
    flush(coverage, out);
  }

  /**
   * Sends the rows of {@code touched} (keys by table) as they are now: states of those in {@code
   * slice}, removals of those the client holds that are not; {@code peerWrote} are keys the client
   * wrote itself (it holds them whether sent or not). Then {@code coverage}.
   */
  void touched(
      ReadSlice slice,
      Map<String, List<Object[]>> touched,
      Set<List<Object>> peerWrote,
      Coverage coverage,
      Outbox out)
      throws SQLException {
    try (Connection c = store.openReader()) {
      for (Map.Entry<String, List<Object[]>> e : touched.entrySet()) {
        Set<List<Object>> keys = keys(e.getKey());
        Set<List<Object>> seen = new HashSet<>();
        ReadSlice.Filter f = slice.filter(e.getKey());
        if (f != null) {
          store
              .rowStates()
              .read(
                  c,
                  e.getKey(),
                  f.where(),
                  f.params(),
                  e.getValue(),
                  r -> {
                    seen.add(key(r.key()));
                    add(r, keys, out);
                  });
        }
        for (Object[] k : e.getValue()) {
          List<Object> id = key(k);
          boolean holds = keys.contains(id) || peerWrote.contains(tagged(e.getKey(), k));
          if (!seen.contains(id) && holds) {
            keys.remove(id);
            removals.add(
                new RowState(
                    e.getKey(), k, null, false, new String[0], new OpId[0], new Object[0]));
          }
        }
      }
    }
    flush(coverage, out);
  }

  /** A key of {@code table} as {@code peerWrote} holds it. */
  static List<Object> tagged(String table, Object[] key) {
    List<Object> k = new ArrayList<>(key(key));
    k.add(0, table.toLowerCase(Locale.ROOT));
    return k;
  }

  private void add(RowState r, Set<List<Object>> keys, Outbox out) {
    keys.add(key(r.key()));
    states.add(r);
    if (states.size() >= ROWS_PER_MESSAGE) {
      flush(null, out);
    }
  }

  /** Sends what is pending, with {@code coverage} (null: none); nothing when there is nothing. */
  void flush(@Nullable Coverage coverage, Outbox out) {
    boolean nothing = coverage == null || (coverage.held().isEmpty() && coverage.keys().isEmpty());
    if (states.isEmpty() && removals.isEmpty() && nothing && (flags & Message.Rows.LAST) == 0) {
      return;
    }
    Coverage sent = nothing ? null : coverage;
    byte[] s = RowStateCodec.encode(new RowStateBatch(states, sent));
    byte[] r = RowStateCodec.encode(new RowStateBatch(removals, null));
    boolean last = (flags & Message.Rows.LAST) != 0;
    wire.send(new Message.Rows(flags, s, r), out);
    sentRows += states.size();
    states.clear();
    removals.clear();
    flags = last ? 0 : flags & ~Message.Rows.FIRST;
  }

  long sentRows() {
    return sentRows;
  }

  private Set<List<Object>> keys(String table) {
    return held.computeIfAbsent(table.toLowerCase(Locale.ROOT), t -> new HashSet<>());
  }

  /** A key with value equality (a blob compared by its bytes). */
  static List<Object> key(Object[] key) {
    Object[] k = new Object[key.length];
    for (int i = 0; i < key.length; i++) {
      k[i] = key[i] instanceof byte[] b ? ByteBuffer.wrap(b) : key[i];
    }
    return Arrays.asList(k);
  }
}
