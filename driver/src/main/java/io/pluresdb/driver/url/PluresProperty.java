package io.pluresdb.driver.url;

import io.pluresdb.crdt.error.Errors;
import io.pluresdb.crdt.error.SqlState;
import java.sql.DriverPropertyInfo;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Properties;

/**
 * Every connection property the driver understands: its name in URLs and {@link Properties}, its
 * typed default and one line of documentation. {@code DriverPropertyInfo}, the data source and the
 * URL parser all derive from this enum, so a property exists everywhere or nowhere.
 */
public enum PluresProperty {
  SYNCHRONOUS(
      "synchronous",
      Kind.CHOICE,
      "NORMAL",
      "SQLite synchronous mode of the database file: NORMAL (WAL-safe) or FULL (fsync on every"
          + " commit).",
      "NORMAL",
      "FULL"),
  LOCK_TIMEOUT(
      "lock_timeout",
      Kind.MILLIS,
      "5000",
      "Milliseconds a write waits for the database's single writer before failing with 55P03."),
  MAX_CLOCK_DRIFT(
      "max_clock_drift",
      Kind.MILLIS,
      "300000",
      "Milliseconds a remote operation may be stamped ahead of the local clock before it is"
          + " refused."),
  CLOCK_OFFSET(
      "clock_offset",
      Kind.SIGNED_MILLIS,
      "0",
      "Milliseconds this node's clock runs ahead of (negative: behind) the system clock: for tests"
          + " of clock skew only, never in production."),
  HISTORY_RETENTION(
      "history_retention",
      Kind.DURATION,
      "7d",
      "How long history is kept for time travel and sys_history before compaction may fold it"
          + " away (once every known peer holds it): a number with a unit d, h, m, s or ms; 0"
          + " keeps only what peers still need."),
  NODE(
      "node",
      Kind.TEXT,
      null,
      "Node of a database this connection creates: 12 hex digits are its id, another name is"
          + " hashed to one; ignored when the database exists."),
  READ_ONLY("read_only", Kind.BOOLEAN, "false", "Opens the connection read-only."),
  LIVE_BUFFER(
      "live_buffer",
      Kind.POSITIVE_INTEGER,
      "10000",
      "Changes a live query (SUBSCRIBE, listener) may buffer for a slow consumer before it is sent"
          + " RESET and a fresh snapshot instead."),
  USER("user", Kind.TEXT, null, "Accepted and ignored: an embedded database has no users."),
  PASSWORD("password", Kind.TEXT, null, "Accepted and ignored: an embedded database has no users."),
  EF_SEARCH(
      "ef_search",
      Kind.POSITIVE_INTEGER,
      "40",
      "Candidate list size of HNSW searches (1 to 4096): larger finds the true nearest neighbours"
          + " more often and searches longer; SET ef_search = n changes it per session."),
  PEERS(
      "peers",
      Kind.TEXT,
      null,
      "Peers to replicate with: comma-separated ws:// or wss:// URLs, reconnected with backoff."),
  LISTEN(
      "listen",
      Kind.TEXT,
      null,
      "host:port on which this node accepts peers (port 0 picks a free one); beyond loopback a"
          + " token is required."),
  TOKEN(
      "token",
      Kind.TEXT,
      null,
      "Shared secret of the replicated database: presented to peers and required from them."),
  JWT(
      "jwt",
      Kind.TEXT,
      null,
      "JSON Web Token of this node's user, presented to peers instead of the token; the hub holds"
          + " the user's writes to its row policies."),
  JWT_SECRET_FILE(
      "jwt_secret_file",
      Kind.TEXT,
      null,
      "File of the HS256 secret with which peers' JWTs are verified (at least 32 bytes)."),
  JWKS("jwks", Kind.TEXT, null, "JWKS file of the RS256/ES256 keys that verify peers' JWTs."),
  JWT_AUDIENCE("jwt_audience", Kind.TEXT, null, "Audience (aud) a peer's JWT must name, if set."),
  KEY_STORE("key_store", Kind.TEXT, null, "Listener's PKCS12 key store: peers then use wss://."),
  KEY_STORE_PASSWORD("key_store_password", Kind.TEXT, null, "Password of the key store."),
  TRUST_STORE(
      "trust_store",
      Kind.TEXT,
      null,
      "PKCS12 trust store of the certificates accepted from wss:// peers (default: the JDK's)."),
  TRUST_STORE_PASSWORD("trust_store_password", Kind.TEXT, null, "Password of the trust store."),
  TRUST_ALL(
      "trust_all",
      Kind.BOOLEAN,
      "false",
      "Accept any certificate from wss:// peers: for tests only, never in production."),
  REQUEST_TIMEOUT(
      "request_timeout",
      Kind.MILLIS,
      "10000",
      "Milliseconds an accepted peer connection may take to finish its HTTP request and WebSocket"
          + " upgrade before the listener closes it."),
  MAX_CONNECTIONS(
      "max_connections",
      Kind.POSITIVE_INTEGER,
      "1024",
      "Peer connections the listener holds open at once; more are closed as they are accepted."),
  MAX_CONNECTIONS_PER_ADDRESS(
      "max_connections_per_address",
      Kind.POSITIVE_INTEGER,
      "64",
      "Peer connections the listener holds open at once from one remote address."),
  MAX_SESSIONS(
      "max_sessions",
      Kind.POSITIVE_INTEGER,
      "1024",
      "Replication sessions the listener serves at once; a further peer is refused with close"
          + " code 1013 (try again later) and a reason that names the limit."),
  MAX_PARKED(
      "max_parked",
      Kind.POSITIVE_INTEGER,
      "10000",
      "Transactions of one peer node kept parked (received but not applicable yet) before its"
          + " session is closed with TOO_MANY_PARKED; what is parked stays."),
  SCOPES(
      "scopes",
      Kind.TEXT,
      null,
      "CREATE SCOPE statements separated by ';': the rows this node asks its peers for; a node"
          + " holding a slice serves no peer.");

  /** How a property's text value is checked and typed. */
  public enum Kind {
    TEXT,
    BOOLEAN,
    MILLIS,
    SIGNED_MILLIS,
    CHOICE,
    POSITIVE_INTEGER,
    DURATION
  }

  private final String key;
  private final Kind kind;
  private final String defaultValue;
  private final String description;
  private final String[] choices;

  PluresProperty(
      String key, Kind kind, String defaultValue, String description, String... choices) {
    this.key = key;
    this.kind = kind;
    this.defaultValue = defaultValue;
    this.description = description;
    this.choices = choices;
  }

  /** The property's name in URLs and {@link Properties}. */
  public String key() {
    return key;
  }

  public Kind kind() {
    return kind;
  }

  /** The default as text, or null when the property has none. */
  public String defaultValue() {
    return defaultValue;
  }

  public String description() {
    return description;
  }

  /** The allowed values of a {@link Kind#CHOICE} property (also offered for booleans). */
  public String[] choices() {
    if (kind == Kind.BOOLEAN) {
      return new String[] {"true", "false"};
    }
    return choices.clone();
  }

  /** The property of that name (case-insensitive), or null. */
  public static PluresProperty forKey(String key) {
    for (PluresProperty p : values()) {
      if (p.key.equalsIgnoreCase(key)) {
        return p;
      }
    }
    return null;
  }

  /**
   * Checks a text value and returns it in normal form (choices upper case, booleans lower case); a
   * bad value fails with 08001 naming the property and the value.
   */
  public String normalize(String value) throws SQLException {
    switch (kind) {
      case TEXT:
        return value;
      case BOOLEAN:
        String b = value.trim().toLowerCase(Locale.ROOT);
        if (b.equals("true") || b.equals("false")) {
          return b;
        }
        throw bad(value, "true or false");
      case MILLIS:
        try {
          long ms = Long.parseLong(value.trim());
          if (ms >= 0) {
            return Long.toString(ms);
          }
        } catch (NumberFormatException e) {
          // reported below with the property's name
        }
        throw bad(value, "a non-negative number of milliseconds");
      case SIGNED_MILLIS:
        try {
          return Long.toString(Long.parseLong(value.trim()));
        } catch (NumberFormatException e) {
          throw bad(value, "a number of milliseconds");
        }
      case POSITIVE_INTEGER:
        try {
          int n = Integer.parseInt(value.trim());
          if (n > 0) {
            return Integer.toString(n);
          }
        } catch (NumberFormatException e) {
          // reported below with the property's name
        }
        throw bad(value, "a positive integer");
      case DURATION:
        String d = value.trim().toLowerCase(Locale.ROOT);
        if (Durations.valid(d)) {
          return d;
        }
        throw bad(value, "a duration such as 7d, 12h, 30m, 45s, 500ms or 0");
      case CHOICE:
        String c = value.trim().toUpperCase(Locale.ROOT);
        if (Arrays.asList(choices).contains(c)) {
          return c;
        }
        throw bad(value, "one of " + String.join(", ", choices));
      default:
        throw new AssertionError(kind);
    }
  }

  private SQLException bad(String value, String expected) {
    return Errors.of(
        SqlState.CLIENT_UNABLE_TO_CONNECT,
        "invalid value '" + value + "' for property '" + key + "': expected " + expected);
  }

  /** The value in {@code props}, or the default; props hold normalized values. */
  public String get(Properties props) {
    return props.getProperty(key, defaultValue);
  }

  public boolean getBoolean(Properties props) {
    return Boolean.parseBoolean(get(props));
  }

  public long getMillis(Properties props) {
    return Long.parseLong(get(props));
  }

  /** A {@link Kind#DURATION} value in {@code props} (see {@link Durations}). */
  public java.time.Duration getDuration(Properties props) {
    return Durations.parse(get(props));
  }

  /** This property as {@code Driver.getPropertyInfo} reports it, with the value from props. */
  public DriverPropertyInfo toDriverPropertyInfo(Properties props) {
    DriverPropertyInfo info = new DriverPropertyInfo(key, get(props));
    info.description = description;
    info.required = false;
    String[] offered = choices();
    info.choices = offered.length == 0 ? null : offered;
    return info;
  }
}
