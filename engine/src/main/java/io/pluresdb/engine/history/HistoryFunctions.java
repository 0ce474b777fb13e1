package io.pluresdb.engine.history;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pluresdb.crdt.error.SqlState;
import io.pluresdb.crdt.store.History;
import io.pluresdb.crdt.store.PeerAck;
import io.pluresdb.crdt.store.Store;
import io.pluresdb.sql.vector.FunctionErrors;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.jspecify.annotations.Nullable;
import org.sqlite.Function;

/**
 * The SQL functions of bounded history, on every store connection of an engine: {@code
 * pl_compact()} folds away now what compaction may fold (see {@link History#compact}) and returns
 * how many transactions it folded; {@code pl_drop_peer(node)} forgets a known peer so that it no
 * longer holds the horizon back, returning 1 (0 when it was not known); {@code pl_peer_acks()}
 * returns the known peers as a JSON array of {@code node, acked_at, holds_back}, which {@code
 * sys_peers} joins.
 *
 * <p>Thread-safe: the store and retention are volatile, set once the store is open.
 */
public final class HistoryFunctions {
  private static final ObjectMapper JSON = new ObjectMapper();

  private volatile @Nullable Store store;
  private volatile Duration retention = Duration.ofDays(7);

  /** The functions act on {@code s}, keeping {@code keep} of history. */
  public void use(Store s, Duration keep) {
    this.retention = keep;
    this.store = s;
  }

  /** The retention the functions and the background compaction use. */
  public Duration retention() {
    return retention;
  }

  /** The connection initializer. */
  public void install(Connection c) throws SQLException {
    Function.create(c, "pl_compact", new Compact(), 0, 0);
    Function.create(c, "pl_drop_peer", new DropPeer(), 1, 0);
    Function.create(c, "pl_peer_acks", new Acks(), 0, 0);
  }

  private @Nullable History history() {
    Store s = store;
    return s == null ? null : s.history();
  }

  private final class Compact extends Function {
    @Override
    protected void xFunc() throws SQLException {
      History h = history();
      if (h == null) {
        result(0);
        return;
      }
      try {
        result(h.compact(retention).transactions());
      } catch (SQLException e) {
        error(FunctionErrors.encode(state(e), "compaction failed: " + e.getMessage()));
      }
    }
  }

  private final class DropPeer extends Function {
    @Override
    protected void xFunc() throws SQLException {
      History h = history();
      String node = value_text(0);
      if (node == null) {
        error(
            FunctionErrors.encode(
                SqlState.NULL_VALUE_NOT_ALLOWED, "pl_drop_peer(NULL): name a node"));
        return;
      }
      try {
        result(h != null && h.dropPeer(node) ? 1 : 0);
      } catch (SQLException e) {
        error(FunctionErrors.encode(state(e), "cannot drop peer " + node + ": " + e.getMessage()));
      }
    }
  }

  private final class Acks extends Function {
    @Override
    protected void xFunc() throws SQLException {
      History h = history();
      ArrayNode out = JSON.createArrayNode();
      if (h != null) {
        for (PeerAck a : h.peers()) {
          ObjectNode o = out.addObject();
          o.put("node", a.node());
          o.put(
              "acked_at",
              Instant.ofEpochMilli(a.ackedAtMillis()).atOffset(ZoneOffset.UTC).toString());
          o.put("holds_back", h.heldBack(a, retention));
        }
      }
      result(out.toString());
    }
  }

  private static SqlState state(SQLException e) {
    for (SqlState s : SqlState.values()) {
      if (s.code().equals(e.getSQLState())) {
        return s;
      }
    }
    return SqlState.INTERNAL_ERROR;
  }
}
