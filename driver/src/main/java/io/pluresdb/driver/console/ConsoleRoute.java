package io.pluresdb.driver.console;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pluresdb.sync.http.EventStream;
import io.pluresdb.sync.http.HttpCall;
import io.pluresdb.sync.http.HttpReply;
import io.pluresdb.sync.http.HttpRoute;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The console's paths under {@code /console}: its static files for anyone, {@code api/session} and
 * {@code api/login} to log in, and every other {@code api/} endpoint only for a caller that {@link
 * ConsoleAuth} admits (401 and no data otherwise). Work that touches the database or the jar runs
 * on the console's executor, never on the network thread that calls {@link #handle}.
 *
 * <p>Thread-safe: its parts are.
 */
final class ConsoleRoute implements HttpRoute {
  static final String ROOT = "/console";
  private static final Logger LOG = LoggerFactory.getLogger(ConsoleRoute.class);
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final int SESSION_SECONDS = 12 * 3600;

  private final ConsoleAuth auth;
  private final Assets assets;
  private final PeerHistory peers;
  private final Connections connections;
  private final Executor executor;
  private final Set<LiveView> liveViews;

  ConsoleRoute(
      ConsoleAuth auth,
      Assets assets,
      PeerHistory peers,
      Connections connections,
      Executor executor,
      Set<LiveView> liveViews) {
    this.auth = auth;
    this.assets = assets;
    this.peers = peers;
    this.connections = connections;
    this.executor = executor;
    this.liveViews = liveViews;
  }

  @Override
  public boolean accepts(String path) {
    return path.equals(ROOT) || path.startsWith(ROOT + "/");
  }

  @Override
  public void handle(HttpCall call, HttpReply reply) {
    if (call.path().equals(ROOT)) {
      // the page's own paths are relative to /console/
      reply.send(302, "text/plain", Map.of("Location", ROOT + "/"), new byte[0]);
      return;
    }
    String name = call.path().substring(ROOT.length() + 1);
    try {
      executor.execute(() -> answer(name, call, reply));
    } catch (RejectedExecutionException e) {
      Json.sendError(reply, 503, "the console is stopping");
    }
  }

  private void answer(String name, HttpCall call, HttpReply reply) {
    try {
      if (assets.has(name)) {
        assets.send(name, reply);
      } else if (name.equals("api/session")) {
        Json.send(reply, 200, Map.of("open", auth.open(), "admitted", auth.admits(call)));
      } else if (name.equals("api/login")) {
        login(call, reply);
      } else if (!name.startsWith("api/")) {
        Json.sendError(reply, 404, "no page " + call.path());
      } else if (!auth.admits(call)) {
        Json.sendError(reply, 401, "log in with the node's token");
      } else {
        api(name.substring("api/".length()), call, reply);
      }
    } catch (SQLException e) {
      Json.sendError(reply, e);
    } catch (RuntimeException | IOException e) {
      LOG.warn("console request {} failed", call.path(), e);
      Json.sendError(reply, 500, String.valueOf(e.getMessage()));
    }
  }

  private void login(HttpCall call, HttpReply reply) throws IOException {
    if (!requirePost(call, reply)) {
      return;
    }
    String session = auth.login(field(call, "token"));
    if (session == null) {
      Json.sendError(reply, 401, "that is not the node's token");
      return;
    }
    reply.send(
        200,
        Json.TYPE,
        Map.of("Set-Cookie", ConsoleAuth.setCookie(session, SESSION_SECONDS)),
        Json.bytes("{}"));
  }

  private void api(String endpoint, HttpCall call, HttpReply reply)
      throws SQLException, IOException {
    switch (endpoint) {
      case "logout" -> {
        auth.logout(call);
        reply.send(
            200, Json.TYPE, Map.of("Set-Cookie", ConsoleAuth.setCookie("", 0)), Json.bytes("{}"));
      }
      case "peers" -> Json.send(reply, 200, peers.snapshot());
      case "tables" -> {
        try (Connection c = connections.open()) {
          Json.send(reply, 200, Map.of("tables", TableBrowser.tables(c)));
        }
      }
      case "rows" -> {
        if (call.param("table") == null) {
          Json.sendError(reply, 400, "rows needs ?table=NAME");
          return;
        }
        try (Connection c = connections.open()) {
          Json.send(
              reply,
              200,
              TableBrowser.page(
                  c,
                  String.valueOf(call.param("table")),
                  number(call.param("offset"), 0),
                  (int) number(call.param("limit"), 50)));
        }
      }
      case "sql" -> {
        if (requirePost(call, reply)) {
          try (Connection c = connections.open()) {
            Json.send(reply, 200, SqlBox.run(c, field(call, "sql")));
          }
        }
      }
      case "live" -> live(call, reply);
      default -> Json.sendError(reply, 404, "no endpoint " + call.path());
    }
  }

  private void live(HttpCall call, HttpReply reply) throws SQLException {
    String sql = call.param("sql");
    if (sql == null || sql.isBlank()) {
      Json.sendError(reply, 400, "a live query needs ?sql=SELECT ...");
      return;
    }
    Connection c = connections.open();
    EventStream stream = reply.stream();
    LiveView view = LiveView.open(c, sql, stream, executor);
    liveViews.add(view);
    stream.onClose(() -> liveViews.remove(view));
  }

  private static boolean requirePost(HttpCall call, HttpReply reply) {
    if (!call.method().equals("POST")) {
      Json.sendError(reply, 405, call.path() + " takes POST");
      return false;
    }
    String type = call.header("content-type");
    if (type == null || !type.startsWith("application/json")) {
      // a cross-site form cannot send JSON, so this also keeps forged posts out
      Json.sendError(reply, 415, call.path() + " takes application/json");
      return false;
    }
    return true;
  }

  private static String field(HttpCall call, String name) throws IOException {
    JsonNode body = MAPPER.readTree(call.bodyText());
    JsonNode v = body == null ? null : body.get(name);
    return v == null || v.isNull() ? "" : v.asText();
  }

  private static long number(@Nullable String s, long fallback) {
    if (s == null || s.isBlank()) {
      return fallback;
    }
    try {
      return Long.parseLong(s.strip());
    } catch (NumberFormatException e) {
      return fallback;
    }
  }
}
