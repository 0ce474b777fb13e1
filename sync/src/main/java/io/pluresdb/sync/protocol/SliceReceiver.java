package io.pluresdb.sync.protocol;

import io.pluresdb.crdt.op.RowState;
import io.pluresdb.crdt.op.RowStateBatch;
import io.pluresdb.crdt.op.RowStateCodec;
import io.pluresdb.crdt.schema.TableDef;
import io.pluresdb.crdt.store.Store;
import io.pluresdb.sync.scope.ScopeSet;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The receiving half of partial sync, on a client: merges the row states a serving node sends (see
 * {@link SliceStreamer}), removes the rows that left the slice from this node's copy only, and, at
 * the end of a whole slice, removes every row the slice did not send (they left it while this node
 * was away, or the scopes narrowed). A node that received a slice is marked partial in its {@link
 * ScopeSet}, so it serves no peer.
 *
 * <p>Not thread-safe: owned by one session.
 */
final class SliceReceiver {
  private final Store store;
  private final ScopeSet scopes;
  private @Nullable Map<String, Set<List<Object>>> received;

  SliceReceiver(Store store, ScopeSet scopes) {
    this.store = store;
    this.scopes = scopes;
  }

  void rows(Message.Rows m) throws ProtocolException, SQLException {
    scopes.markSliced();
    RowStateBatch states;
    RowStateBatch removals;
    try {
      states = RowStateCodec.decode(m.states());
      removals = RowStateCodec.decode(m.removals());
    } catch (IllegalArgumentException e) {
      throw new ProtocolException(CloseReason.Code.MALFORMED, "rows: " + e.getMessage());
    }
    if ((m.flags() & Message.Rows.FIRST) != 0) {
      received = new HashMap<>();
    }
    if (!states.rows().isEmpty() || states.coverage() != null) {
      store.rowStates().merge(states);
    }
    Map<String, List<Object[]>> gone = new LinkedHashMap<>();
    for (RowState r : removals.rows()) {
      gone.computeIfAbsent(r.table(), t -> new ArrayList<>()).add(r.key());
    }
    for (Map.Entry<String, List<Object[]>> e : gone.entrySet()) {
      store.rowStates().remove(e.getKey(), e.getValue());
    }
    Map<String, Set<List<Object>>> seen = received;
    if (seen != null) {
      for (RowState r : states.rows()) {
        seen.computeIfAbsent(key(r.table()), t -> new HashSet<>()).add(SliceSender.key(r.key()));
      }
      if ((m.flags() & Message.Rows.LAST) != 0) {
        received = null;
        dropUnsent(seen);
      }
    }
  }

  /** Removes every row this node holds that the whole slice just received did not send. */
  private void dropUnsent(Map<String, Set<List<Object>>> seen) throws SQLException {
    for (TableDef t : store.catalog().tables().values()) {
      Set<List<Object>> sent = seen.getOrDefault(key(t.name()), Set.of());
      List<Object[]> stale = new ArrayList<>();
      try (Connection c = store.openReader()) {
        store
            .rowStates()
            .read(
                c,
                t.name(),
                null,
                List.of(),
                null,
                r -> {
                  if (!sent.contains(SliceSender.key(r.key()))) {
                    stale.add(r.key());
                  }
                });
      }
      store.rowStates().remove(t.name(), stale);
    }
  }

  private static String key(String table) {
    return table.toLowerCase(Locale.ROOT);
  }
}
