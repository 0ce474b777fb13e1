package io.pluresdb.sync.auth;

import org.jspecify.annotations.Nullable;

/**
 * Decides who may connect and which collections (tables) a peer may read from and write to this
 * node. Implementations must be thread-safe: sessions call them concurrently.
 */
public interface PolicyAgent {
  /**
   * Admits a peer that presented {@code token} (possibly null) from node {@code peerNode}, or
   * returns null to refuse it.
   */
  @Nullable Principal admit(@Nullable String token, String peerNode);

  /** True when {@code who} may receive operations of {@code collection}. */
  boolean mayRead(Principal who, String collection);

  /** True when operations of {@code collection} sent by {@code who} may be applied here. */
  boolean mayWrite(Principal who, String collection);

  /**
   * True when {@code who} may read every collection, so a session can stream records without
   * decoding them to check each operation's collection. The default answers false (always check).
   */
  default boolean mayReadAll(Principal who) {
    return false;
  }

  /**
   * True when {@code who} may send schema changes (DDL) at all; its collections are then checked by
   * {@link #mayWrite}. The default answers true; a user held to row policies may not.
   */
  default boolean mayChangeSchema(Principal who) {
    return who.user() == null;
  }

  /**
   * An admitted peer.
   *
   * @param name who it is (for logs and status)
   * @param peerNode its node id
   * @param user the user it acts for, held to the tables' row policies; null for a peer trusted
   *     with every row (a shared-token holder, as a table's owner in PostgreSQL)
   */
  record Principal(String name, String peerNode, @Nullable User user) {
    /** A trusted peer: no user, no row policies. */
    public Principal(String name, String peerNode) {
      this(name, peerNode, null);
    }
  }

  /**
   * A user a session acts for: what {@code current_user} and {@code current_claim('name')} answer
   * in row policies.
   *
   * @param subject the user's name (a JWT's {@code sub})
   * @param claims the verified claims, by name (strings, numbers, booleans, lists, objects)
   */
  record User(String subject, java.util.Map<String, Object> claims) {
    public User {
      claims = java.util.Map.copyOf(claims);
    }
  }
}
