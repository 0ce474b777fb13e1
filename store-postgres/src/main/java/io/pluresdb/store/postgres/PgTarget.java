package io.pluresdb.store.postgres;

import io.pluresdb.crdt.error.Errors;
import io.pluresdb.crdt.error.SqlState;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import org.jspecify.annotations.Nullable;

/**
 * Which PostgreSQL database a hub keeps its store in: {@code postgresql://[user[:password]@]host[:
 * port]/database}, the form of libpq's connection URIs, as the official driver's JDBC URL.
 *
 * @param jdbcUrl the driver's URL, {@code jdbc:postgresql://host:port/database}
 * @param user the role to log in as, or null for the driver's default
 * @param password its password, or null for none
 */
public record PgTarget(String jdbcUrl, @Nullable String user, @Nullable String password) {

  /**
   * Parses {@code uri}; {@code user} and {@code password}, when not null, win over those in the URI
   * (a password on a command line is visible to other users, so it may come from elsewhere).
   *
   * @throws SQLException 08001 naming the URI when it is not a PostgreSQL URI with a database
   */
  public static PgTarget parse(String uri, @Nullable String user, @Nullable String password)
      throws SQLException {
    URI u;
    try {
      u = new URI(uri);
    } catch (URISyntaxException e) {
      throw refused(uri, e.getMessage());
    }
    String scheme = u.getScheme();
    if (!"postgresql".equals(scheme) && !"postgres".equals(scheme)) {
      throw refused(uri, "the scheme must be postgresql://");
    }
    String host = u.getHost();
    String path = u.getPath();
    if (host == null || path == null || path.length() < 2) {
      throw refused(uri, "it must name a host and a database: postgresql://host:5432/db");
    }
    String port = u.getPort() < 0 ? "" : ":" + u.getPort();
    String jdbc = "jdbc:postgresql://" + host + port + path;
    String info = u.getRawUserInfo();
    String uriUser = null;
    String uriPassword = null;
    if (info != null) {
      int colon = info.indexOf(':');
      uriUser = decode(colon < 0 ? info : info.substring(0, colon));
      uriPassword = colon < 0 ? null : decode(info.substring(colon + 1));
    }
    return new PgTarget(
        jdbc, user != null ? user : uriUser, password != null ? password : uriPassword);
  }

  private static String decode(String s) {
    return URLDecoder.decode(s, StandardCharsets.UTF_8);
  }

  private static SQLException refused(String uri, @Nullable String why) {
    return Errors.of(SqlState.CLIENT_UNABLE_TO_CONNECT, "cannot use store '" + uri + "': " + why);
  }

  @Override
  public String toString() {
    // never the password
    return jdbcUrl + (user == null ? "" : " as " + user);
  }
}
