package io.pluresdb.driver.console;

import io.pluresdb.sync.http.HttpCall;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * Who may use the console: whoever presents the node's shared token, as peers do ({@code
 * Authorization: Bearer <token>}), or the session cookie that logging in with the token sets. A
 * node without a token (which listens on loopback only) admits everyone.
 *
 * <p>Thread-safe: the sessions are a concurrent set, bounded so that logins cannot grow it for
 * ever.
 */
final class ConsoleAuth {
  static final String COOKIE = "pluresdb_console";
  private static final int MAX_SESSIONS = 1024;

  private final byte @Nullable [] token;
  private final SecureRandom random = new SecureRandom();
  private final Set<String> sessions = ConcurrentHashMap.newKeySet();

  ConsoleAuth(@Nullable String token) {
    this.token = token == null || token.isEmpty() ? null : token.getBytes(StandardCharsets.UTF_8);
  }

  /** True when the node has no token, so that the page need not ask for one. */
  boolean open() {
    return token == null;
  }

  /** True when {@code call} carries the token or a session cookie that logging in set. */
  boolean admits(HttpCall call) {
    if (token == null) {
      return true;
    }
    String auth = call.header("authorization");
    if (auth != null && auth.startsWith("Bearer ")) {
      return matches(auth.substring("Bearer ".length()));
    }
    String session = cookie(call.header("cookie"));
    return session != null && sessions.contains(session);
  }

  /** Starts a session for a caller that gave {@code offered}; null when it is not the token. */
  @Nullable String login(String offered) {
    if (token == null || !matches(offered)) {
      return null;
    }
    if (sessions.size() >= MAX_SESSIONS) {
      Iterator<String> oldest = sessions.iterator();
      oldest.next();
      oldest.remove();
    }
    byte[] id = new byte[24];
    random.nextBytes(id);
    String session = HexFormat.of().formatHex(id);
    sessions.add(session);
    return session;
  }

  void logout(HttpCall call) {
    String session = cookie(call.header("cookie"));
    if (session != null) {
      sessions.remove(session);
    }
  }

  /** The header that sets the session cookie, for the console's paths only and no script. */
  static String setCookie(String session, int maxAgeSeconds) {
    return COOKIE
        + "="
        + session
        + "; Path=/console; HttpOnly; SameSite=Strict; Max-Age="
        + maxAgeSeconds;
  }

  private boolean matches(String offered) {
    // constant time, so the answer's timing says nothing about the token
    return token != null && MessageDigest.isEqual(token, offered.getBytes(StandardCharsets.UTF_8));
  }

  private static @Nullable String cookie(@Nullable String header) {
    if (header == null) {
      return null;
    }
    for (String part : header.split(";")) {
      String p = part.strip();
      if (p.startsWith(COOKIE + "=")) {
        return p.substring(COOKIE.length() + 1);
      }
    }
    return null;
  }
}
