package io.pluresdb.sync.replicator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pluresdb.crdt.store.Parked;
import io.pluresdb.sync.protocol.PeerStatus;
import java.io.UncheckedIOException;
import java.time.ZoneOffset;
import java.util.List;

/**
 * The peers as JSON, in one shape for {@code GET /status} and the {@code sys_peers} view: an array
 * of objects with the columns of {@code sys_peers} ({@code node, address, role, state, last_heard,
 * sent, received, behind, bytes_sent, bytes_received, close_reason, parked, parked_since,
 * parked_reason, bytes_in_flight, deliveries_per_second}); the page adds what is parked in all
 * ({@code parked}: {@code count, since, tx, reason}) and the sessions its listener serves ({@code
 * sessions}: {@code count, limit, deliveries_per_second} over all peers).
 */
public final class StatusJson {
  private static final ObjectMapper JSON = new ObjectMapper();

  private StatusJson() {}

  /** The peers array. */
  public static ArrayNode peers(List<PeerRow> rows) {
    ArrayNode a = JSON.createArrayNode();
    for (PeerRow r : rows) {
      PeerStatus s = r.status();
      ObjectNode o = a.addObject();
      o.put("node", s.peerNode());
      o.put("address", r.address());
      o.put("role", s.role() == null ? null : s.role().name());
      o.put("state", s.state().name());
      o.put(
          "last_heard",
          s.lastHeard() == null ? null : s.lastHeard().atOffset(ZoneOffset.UTC).toString());
      o.put("sent", s.sentTransactions());
      o.put("received", s.receivedTransactions());
      o.put("behind", s.lag());
      o.put("bytes_sent", s.bytesSent());
      o.put("bytes_received", s.bytesReceived());
      o.put(
          "close_reason",
          s.closeReason() == null
              ? null
              : s.closeReason().code() + ": " + s.closeReason().message());
      Parked p = r.parked();
      o.put("parked", p.count());
      o.put("parked_since", since(p));
      o.put("parked_reason", p.oldestReason());
      o.put("bytes_in_flight", r.bytesInFlight());
      o.put("deliveries_per_second", r.deliveriesPerSecond());
    }
    return a;
  }

  private static String since(Parked p) {
    return p.oldestSince() == null ? null : p.oldestSince().atOffset(ZoneOffset.UTC).toString();
  }

  /** The status page: this node, its database, its listener, what it holds parked and its peers. */
  public static String page(
      String node,
      String database,
      String listen,
      Parked parked,
      int served,
      int sessionLimit,
      List<PeerRow> rows) {
    ObjectNode o = JSON.createObjectNode();
    o.put("node", node);
    o.put("database", database);
    o.put("listen", listen);
    ObjectNode sessions = o.putObject("sessions");
    long deliveries = 0;
    for (PeerRow r : rows) {
      deliveries += r.deliveriesPerSecond();
    }
    sessions.put("count", served);
    sessions.put("limit", sessionLimit);
    sessions.put("deliveries_per_second", deliveries);
    ObjectNode p = o.putObject("parked");
    p.put("count", parked.count());
    p.put("since", since(parked));
    p.put("tx", parked.oldestTx());
    p.put("reason", parked.oldestReason());
    o.set("peers", peers(rows));
    return write(o);
  }

  /** Serializes a tree. */
  public static String write(Object tree) {
    try {
      return JSON.writeValueAsString(tree);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
