package io.pluresdb.driver.url;

import io.pluresdb.crdt.error.Errors;
import io.pluresdb.crdt.error.SqlState;
import io.pluresdb.engine.api.EngineSettings;
import io.pluresdb.engine.api.JwtSettings;
import io.pluresdb.engine.api.ReplicationSettings;
import io.pluresdb.sync.netty.Admission;
import io.pluresdb.sync.netty.SyncClient;
import io.pluresdb.sync.netty.TlsSettings;
import io.pluresdb.sync.scope.ScopeStatements;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The engine-wide settings a URL asks for, checked: a bad value fails with 08001 naming the
 * property.
 */
public final class EngineUrls {
  private EngineUrls() {}

  /** The properties that shape the whole engine rather than one connection. */
  public static EngineSettings settings(ConnectionUrl url) throws SQLException {
    return new EngineSettings(
        "FULL".equals(url.get(PluresProperty.SYNCHRONOUS)),
        Duration.ofMillis(url.getMillis(PluresProperty.MAX_CLOCK_DRIFT)),
        Duration.ofMillis(url.getMillis(PluresProperty.CLOCK_OFFSET)),
        url.get(PluresProperty.NODE),
        replication(url),
        url.properties().containsKey(PluresProperty.HISTORY_RETENTION.key())
            ? url.getDuration(PluresProperty.HISTORY_RETENTION)
            : null);
  }

  /**
   * The replication properties ({@code listen}, {@code peers}, {@code token}, the TLS ones, the
   * admission bounds, {@code max_parked} and the JWT ones).
   */
  public static ReplicationSettings replication(ConnectionUrl url) throws SQLException {
    String token = url.get(PluresProperty.TOKEN);
    return new ReplicationSettings(
        listen(url.get(PluresProperty.LISTEN)),
        peers(url.get(PluresProperty.PEERS)),
        token == null || token.isEmpty() ? null : token,
        new TlsSettings(
            path(url.get(PluresProperty.KEY_STORE)),
            url.get(PluresProperty.KEY_STORE_PASSWORD),
            path(url.get(PluresProperty.TRUST_STORE)),
            url.get(PluresProperty.TRUST_STORE_PASSWORD),
            Boolean.parseBoolean(url.get(PluresProperty.TRUST_ALL))),
        admission(url),
        Integer.parseInt(url.get(PluresProperty.MAX_PARKED)),
        new JwtSettings(
            blankToNull(url.get(PluresProperty.JWT)),
            path(url.get(PluresProperty.JWT_SECRET_FILE)),
            path(url.get(PluresProperty.JWKS)),
            blankToNull(url.get(PluresProperty.JWT_AUDIENCE))),
        ScopeStatements.readAll(url.get(PluresProperty.SCOPES)));
  }

  /** How many peer connections the listener accepts, and how long they may take to upgrade. */
  static Admission admission(ConnectionUrl url) throws SQLException {
    try {
      return new Admission(
          Duration.ofMillis(url.getMillis(PluresProperty.REQUEST_TIMEOUT)),
          Integer.parseInt(url.get(PluresProperty.MAX_CONNECTIONS)),
          Integer.parseInt(url.get(PluresProperty.MAX_CONNECTIONS_PER_ADDRESS)),
          Integer.parseInt(url.get(PluresProperty.MAX_SESSIONS)));
    } catch (IllegalArgumentException e) {
      throw Errors.of(
          SqlState.CLIENT_UNABLE_TO_CONNECT,
          "invalid peer admission settings (request_timeout, max_connections,"
              + " max_connections_per_address, max_sessions): "
              + e.getMessage(),
          e);
    }
  }

  static InetSocketAddress listen(String value) throws SQLException {
    if (value == null || value.isBlank()) {
      return null;
    }
    String v = value.trim();
    int colon = v.lastIndexOf(':');
    if (colon <= 0 || colon == v.length() - 1) {
      throw bad(PluresProperty.LISTEN, value, "host:port, e.g. 127.0.0.1:7777 or 0.0.0.0:0");
    }
    String host = v.substring(0, colon);
    if (host.startsWith("[") && host.endsWith("]")) {
      host = host.substring(1, host.length() - 1);
    }
    int port;
    try {
      port = Integer.parseInt(v.substring(colon + 1));
    } catch (NumberFormatException e) {
      throw bad(PluresProperty.LISTEN, value, "a port number after the colon");
    }
    if (port < 0 || port > 65535) {
      throw bad(PluresProperty.LISTEN, value, "a port from 0 to 65535");
    }
    InetSocketAddress a = new InetSocketAddress(host, port);
    if (a.isUnresolved()) {
      throw bad(PluresProperty.LISTEN, value, "a host name or address of this machine");
    }
    return a;
  }

  static List<URI> peers(String value) throws SQLException {
    List<URI> out = new ArrayList<>();
    if (value == null || value.isBlank()) {
      return out;
    }
    for (String part : value.split(",")) {
      if (part.isBlank()) {
        continue;
      }
      try {
        out.add(SyncClient.parse(part));
      } catch (IllegalArgumentException e) {
        throw bad(PluresProperty.PEERS, part.trim(), "ws://host:port or wss://host:port");
      }
    }
    return out;
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.trim();
  }

  private static Path path(String value) {
    return value == null || value.isBlank() ? null : Path.of(value);
  }

  private static SQLException bad(PluresProperty p, String value, String expected) {
    return Errors.of(
        SqlState.CLIENT_UNABLE_TO_CONNECT,
        "invalid value '" + value + "' for property '" + p.key() + "': expected " + expected);
  }
}
