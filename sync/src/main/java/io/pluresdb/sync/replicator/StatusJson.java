package io.pluresdb.sync.replicator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pluresdb.sync.protocol.PeerStatus;
import java.io.UncheckedIOException;
import java.time.ZoneOffset;
import java.util.List;

/**
 * The peers as JSON, in one shape for {@code GET /status} and the {@code sys_peers} view: an array
 * of objects with the columns of {@code sys_peers} ({@code node, address, role, state, last_heard,
 * sent, received, behind, bytes_sent, bytes_received, close_reason}).
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
      o.put("role", s.role().name());
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
    }
    return a;
  }

  /** The status page: this node, its database, its listener and its peers. */
  public static String page(String node, String database, String listen, List<PeerRow> rows) {
    ObjectNode o = JSON.createObjectNode();
    o.put("node", node);
    o.put("database", database);
    o.put("listen", listen);
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
