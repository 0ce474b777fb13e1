package io.pluresdb.driver.url;

import io.pluresdb.crdt.error.Errors;
import io.pluresdb.crdt.error.SqlState;
import io.pluresdb.engine.api.DatabaseTarget;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Properties;

/**
 * A parsed {@code jdbc:pluresdb:} URL: {@code jdbc:pluresdb:<file path>} or {@code
 * jdbc:pluresdb:mem:<name>}, then optionally {@code ?key=value&...} with URL-encoded keys and
 * values.
 *
 * @param url the URL as given
 * @param target the database it names
 * @param properties the effective, normalized property values (defaults are not stored)
 */
public record ConnectionUrl(String url, DatabaseTarget target, Properties properties) {

  public static final String PREFIX = "jdbc:pluresdb:";
  private static final String MEMORY = "mem:";

  public ConnectionUrl {
    Properties copy = new Properties();
    copy.putAll(properties);
    properties = copy;
  }

  /** True for any URL this driver claims, valid or not. */
  public static boolean accepts(String url) {
    return url != null && url.startsWith(PREFIX);
  }

  /**
   * Parses {@code url}; {@code info} supplies further properties, which the URL's own override.
   * Unknown keys in the URL fail with 08001 naming the key; unknown keys in {@code info} are
   * ignored, because tools send their own (such as {@code ApplicationName}). Bad values fail with
   * 08001 naming key and value.
   */
  public static ConnectionUrl parse(String url, Properties info) throws SQLException {
    if (!accepts(url)) {
      throw fail(
          "not a PluresDB URL: "
              + url
              + " (expected "
              + PREFIX
              + "<file> or "
              + PREFIX
              + "mem:<name>)");
    }
    String rest = url.substring(PREFIX.length());
    int q = rest.indexOf('?');
    String location = q < 0 ? rest : rest.substring(0, q);
    Properties props = new Properties();
    if (info != null) {
      for (String name : info.stringPropertyNames()) {
        PluresProperty p = PluresProperty.forKey(name);
        if (p != null) {
          props.setProperty(p.key(), p.normalize(info.getProperty(name)));
        }
      }
    }
    if (q >= 0) {
      parseQuery(url, rest.substring(q + 1), props);
    }
    return new ConnectionUrl(url, target(url, location), props);
  }

  private static DatabaseTarget target(String url, String location) throws SQLException {
    if (location.startsWith(MEMORY)) {
      String name = location.substring(MEMORY.length());
      if (name.isEmpty()) {
        throw fail(
            "missing in-memory database name in " + url + " (expected " + PREFIX + "mem:<name>)");
      }
      return DatabaseTarget.ofMemory(name);
    }
    if (location.isEmpty()) {
      throw fail("missing database file in " + url + " (expected " + PREFIX + "<file>)");
    }
    try {
      return DatabaseTarget.ofFile(Path.of(location));
    } catch (InvalidPathException e) {
      throw Errors.of(
          SqlState.CLIENT_UNABLE_TO_CONNECT,
          "invalid database file '" + location + "' in " + url + ": " + e.getReason(),
          e);
    }
  }

  private static void parseQuery(String url, String query, Properties props) throws SQLException {
    for (String pair : query.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String key = decode(url, eq < 0 ? pair : pair.substring(0, eq));
      String value = eq < 0 ? "" : decode(url, pair.substring(eq + 1));
      PluresProperty p = PluresProperty.forKey(key);
      if (p == null) {
        throw fail(
            "unknown property '" + key + "' in " + url + "; known properties: " + knownKeys());
      }
      props.setProperty(p.key(), p.normalize(value));
    }
  }

  private static String decode(String url, String s) throws SQLException {
    try {
      return URLDecoder.decode(s, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw Errors.of(
          SqlState.CLIENT_UNABLE_TO_CONNECT, "malformed URL encoding '" + s + "' in " + url, e);
    }
  }

  private static String knownKeys() {
    StringBuilder b = new StringBuilder();
    for (PluresProperty p : PluresProperty.values()) {
      b.append(b.length() == 0 ? "" : ", ").append(p.key());
    }
    return b.toString();
  }

  private static SQLException fail(String message) {
    return Errors.of(SqlState.CLIENT_UNABLE_TO_CONNECT, message);
  }

  /** A copy of the effective property values; the record itself stays immutable. */
  @Override
  public Properties properties() {
    Properties copy = new Properties();
    copy.putAll(properties);
    return copy;
  }

  public String get(PluresProperty p) {
    return p.get(properties);
  }

  public boolean getBoolean(PluresProperty p) {
    return p.getBoolean(properties);
  }

  public long getMillis(PluresProperty p) {
    return p.getMillis(properties);
  }

  public java.time.Duration getDuration(PluresProperty p) {
    return p.getDuration(properties);
  }
}
