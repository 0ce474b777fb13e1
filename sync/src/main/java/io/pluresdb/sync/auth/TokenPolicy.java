package io.pluresdb.sync.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Tokens mapped to named principals and the collections each may read and write; {@code *} in a set
 * stands for every collection. A peer presenting no token or an unknown one is refused. Immutable
 * and thread-safe.
 *
 * <pre>{@code
 * new TokenPolicy(List.of(
 *     new TokenPolicy.Grant("s3cret", "hub-admin", Set.of("*"), Set.of("*")),
 *     new TokenPolicy.Grant("k1", "kiosk", Set.of("menu"), Set.of("orders"))));
 * }</pre>
 */
public final class TokenPolicy implements PolicyAgent {
  /** Wildcard standing for every collection. */
  public static final String ALL = "*";

  /**
   * What one token grants.
   *
   * @param token the secret a peer presents
   * @param name the principal's name (unique within a policy)
   * @param readable collections the holder may receive, or {@code *}
   * @param writable collections whose operations from the holder are applied, or {@code *}
   */
  public record Grant(String token, String name, Set<String> readable, Set<String> writable) {
    public Grant {
      Objects.requireNonNull(token, "token");
      Objects.requireNonNull(name, "name");
      readable = Set.copyOf(readable);
      writable = Set.copyOf(writable);
    }
  }

  private final List<Grant> grants;
  private final Map<String, Grant> byName = new HashMap<>();

  public TokenPolicy(List<Grant> grants) {
    this.grants = List.copyOf(grants);
    for (Grant g : this.grants) {
      if (byName.put(g.name(), g) != null) {
        throw new IllegalArgumentException("two grants are named '" + g.name() + "'");
      }
    }
  }

  @Override
  public @Nullable Principal admit(@Nullable String token, String peerNode) {
    if (token == null) {
      return null;
    }
    byte[] presented = token.getBytes(StandardCharsets.UTF_8);
    Grant found = null;
    for (Grant g : grants) {
      // compare with every grant, in constant time, so timing reveals neither token nor position
      if (MessageDigest.isEqual(presented, g.token().getBytes(StandardCharsets.UTF_8))) {
        found = g;
      }
    }
    return found == null ? null : new Principal(found.name(), peerNode);
  }

  @Override
  public boolean mayRead(Principal who, String collection) {
    Grant g = byName.get(who.name());
    return g != null && allows(g.readable(), collection);
  }

  @Override
  public boolean mayReadAll(Principal who) {
    Grant g = byName.get(who.name());
    return g != null && g.readable().contains(ALL);
  }

  @Override
  public boolean mayWrite(Principal who, String collection) {
    Grant g = byName.get(who.name());
    return g != null && allows(g.writable(), collection);
  }

  private static boolean allows(Set<String> set, String collection) {
    return set.contains(ALL) || set.contains(collection);
  }
}
