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
   * An admitted peer.
   *
   * @param name who it is (for logs and status)
   * @param peerNode its node id
   */
  record Principal(String name, String peerNode) {}
}
