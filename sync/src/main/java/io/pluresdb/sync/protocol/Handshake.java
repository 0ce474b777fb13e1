package io.pluresdb.sync.protocol;

import io.pluresdb.crdt.store.Store;
import io.pluresdb.sync.auth.PolicyAgent.Principal;
import io.pluresdb.sync.auth.TokenRefused;
import io.pluresdb.sync.protocol.CloseReason.Code;
import java.sql.SQLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The hello exchange: the client's hello, the server's checks and welcome, the client's checks of
 * the welcome. Each side ends with the principal the session's reads and writes are held to, and
 * nothing is written to the store before the checks pass (but the identity the two ends settle on).
 *
 * <p>Stateless: a session calls it from its serial executor, with its own wire and outbox.
 */
final class Handshake {
  private static final Logger LOG = LoggerFactory.getLogger(Handshake.class);

  private Handshake() {}

  /** The hello a client opens with. */
  static Message.Hello hello(Store store, SyncConfig config) {
    return new Message.Hello(
        config.minVersion(),
        config.maxVersion(),
        store.nodeId(),
        store.databaseId(),
        sealed(store),
        config.token(),
        store.versionVector(),
        config.scopes().all());
  }

  private static boolean sealed(Store store) {
    try {
      return store.databaseSealed();
    } catch (SQLException e) {
      // claiming a seal is the safe side: the server then keeps or imposes its own identity
      LOG.warn("cannot read whether database {} is sealed", store.databaseId(), e);
      return true;
    }
  }

  /**
   * The server's answer to a client's hello: checks version, node id and token, settles the
   * database identity and sends the welcome; returns the client's principal.
   */
  static Principal welcomeClient(
      Message.Hello h, Store store, SyncConfig config, Wire wire, Outbox out)
      throws ProtocolException, SQLException {
    int version = chooseVersion(h.minVersion(), h.maxVersion(), config);
    checkNotSelf(h.node(), store);
    if (config.scopes().partial()) {
      throw new ProtocolException(
          Code.FORBIDDEN,
          "node "
              + store.nodeId()
              + " holds a partial copy of the database (scopes, or a user's slice) and serves no"
              + " peer");
    }
    Principal who;
    try {
      who = config.agent().admit(h.token(), h.node());
    } catch (TokenRefused e) {
      throw new ProtocolException(Code.AUTH_FAILED, e.getMessage());
    }
    if (who == null) {
      throw new ProtocolException(
          Code.AUTH_FAILED,
          "node "
              + h.node()
              + (h.token() == null ? " presented no token" : " presented a token that is refused"));
    }
    agreeOnIdentity(h, store);
    // a fresh client joins this database now: it gets a node number if this node holds the pool
    int assigned =
        version >= MessageCodec.NODE_NUMBERS && !h.sealed() ? store.handOutNodeNumber() : -1;
    wire.send(
        new Message.Welcome(
            version, store.nodeId(), store.databaseId(), store.versionVector(), assigned),
        out);
    return who;
  }

  /**
   * The client's checks of the server's welcome: the chosen version, node id and database (which a
   * fresh client joins); returns the principal the server is held to.
   */
  static Principal acceptWelcome(Message.Welcome w, Store store, SyncConfig config)
      throws ProtocolException, SQLException {
    if (w.version() < config.minVersion() || w.version() > config.maxVersion()) {
      throw new ProtocolException(
          Code.UNSUPPORTED_VERSION,
          "server "
              + w.node()
              + " chose protocol version "
              + w.version()
              + ", this node speaks "
              + config.minVersion()
              + " to "
              + config.maxVersion());
    }
    checkNotSelf(w.node(), store);
    boolean fresh = !store.databaseSealed();
    if (!store.joinDatabase(w.databaseId())) {
      throw new ProtocolException(
          Code.WRONG_DATABASE,
          "this node belongs to database "
              + store.databaseId()
              + ", server "
              + w.node()
              + " serves database "
              + w.databaseId());
    }
    if (fresh) {
      // a fresh node joined: it takes the number handed out, or none (see agreeOnIdentity)
      store.takeNodeNumber(w.assigned());
    }
    return serverPrincipal(config, w.node());
  }

  /** The newest version both ranges share; UNSUPPORTED_VERSION when they are disjoint. */
  static int chooseVersion(int peerMin, int peerMax, SyncConfig config) throws ProtocolException {
    int hi = Math.min(peerMax, config.maxVersion());
    int lo = Math.max(peerMin, config.minVersion());
    if (lo > hi) {
      throw new ProtocolException(
          Code.UNSUPPORTED_VERSION,
          "peer speaks protocol versions "
              + peerMin
              + " to "
              + peerMax
              + ", this node "
              + config.minVersion()
              + " to "
              + config.maxVersion());
    }
    return hi;
  }

  /**
   * Refuses a peer with this node's own id: two stores sharing a node id (a copied database file)
   * would issue the same operation ids for different operations.
   */
  static void checkNotSelf(String peerNode, Store store) throws ProtocolException {
    if (peerNode.equals(store.nodeId())) {
      throw new ProtocolException(
          Code.WRONG_DATABASE,
          "the peer has this node's own id "
              + peerNode
              + " (a copy of this database file?); a node cannot replicate with itself");
    }
  }

  /**
   * Settles the server's identity before it welcomes a client, by a rule both ends reach without
   * coordination: a sealed end never changes; a fresh server adopts a sealed client's identity;
   * when both are fresh the smaller identity wins (the server adopts the client's when it is
   * smaller, otherwise keeps its own, and the client adopts it from the welcome). Either way the
   * server's identity is sealed afterwards, since the client joins it. A sealed server refuses a
   * client sealed to another database (WRONG_DATABASE).
   *
   * <p>Node numbers (which pick a node's block of generated keys, see {@code KeyRange}) follow the
   * sessions, not the identities: a fresh node is its database's potential creator, number 0, and
   * holds the pool of numbers. When two fresh nodes meet the server keeps the pool and hands the
   * client the next number in its welcome (version 3), whichever identity won; a fresh server that
   * adopts a sealed client's identity gives its pool up and stays without a number. So one node of
   * a database holds the pool, and no two nodes get one number (the one exception, not handled: two
   * fresh nodes that each serve and dial the other at the same moment may both keep a pool). A node
   * generating its first key as creator seals its identity, so two nodes that both numbered block 0
   * offline refuse each other (WRONG_DATABASE) rather than merge colliding keys; a node that dials
   * peers does so only for a 32-bit key (its 64-bit keys come from the clock until it joins).
   */
  static void agreeOnIdentity(Message.Hello h, Store store) throws ProtocolException, SQLException {
    String theirs = h.databaseId();
    boolean adopt =
        !store.databaseSealed() && (h.sealed() || theirs.compareTo(store.databaseId()) < 0);
    // joinDatabase is false when another session sealed this store meanwhile: keep that identity
    if (!(adopt && store.joinDatabase(theirs))) {
      store.sealDatabaseId();
    } else if (h.sealed()) {
      // a fresh server joins a client's existing database: that database has its own creator
      store.takeNodeNumber(-1);
    }
    if (h.sealed() && !theirs.equals(store.databaseId())) {
      throw new ProtocolException(
          Code.WRONG_DATABASE,
          "this node belongs to database "
              + store.databaseId()
              + ", client "
              + h.node()
              + " belongs to database "
              + theirs);
    }
  }

  /**
   * The principal a client holds the server to: the one its own agent admits for the token the
   * client presents, so both ends of a connection apply the same read and write rules. A client
   * whose own agent refuses its token is misconfigured and refuses the server (AUTH_FAILED).
   */
  static Principal serverPrincipal(SyncConfig config, String serverNode) throws ProtocolException {
    Principal who = config.agent().admit(config.token(), serverNode);
    if (who == null) {
      throw new ProtocolException(
          Code.AUTH_FAILED,
          "this node's policy refuses the token it presents to server " + serverNode);
    }
    return who;
  }
}
