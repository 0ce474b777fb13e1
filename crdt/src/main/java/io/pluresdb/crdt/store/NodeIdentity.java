package io.pluresdb.crdt.store;

import io.pluresdb.crdt.clock.OpId;
import io.pluresdb.crdt.error.Errors;
import io.pluresdb.crdt.error.SqlState;
import io.pluresdb.crdt.sign.Ed25519;
import io.pluresdb.crdt.sign.NodeKey;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;

/**
 * Which node this store is and the key it signs with, kept in {@code _pl_meta} ({@code node},
 * {@code key_private}, {@code key_public}, {@code retires}).
 *
 * <p>A new store's node id is its key's fingerprint, unless its user chose one ({@code nodeName}:
 * 12 hex digits below {@code 800000000000}, taken as is, or any other text, hashed), which peers
 * pin to the first key they see for it. A store written before records were signed (a node id and
 * no key) upgrades in place: it gets a key pair and takes the key's fingerprint as its new node id,
 * and its legacy id is retired: its first signed record names the legacy id's last transaction, and
 * from then on unsigned records of the legacy id after that one are refused everywhere. The legacy
 * id's records stay in the log, unsigned, and still apply and relay.
 *
 * @param node this node's id
 * @param key the key pair it signs with
 * @param retires the last transaction of the legacy id this node replaced, or null
 */
record NodeIdentity(long node, NodeKey key, OpId retires) {
  /**
   * The {@code _pl_meta} key set when an upgrade changed the node id of a store holding rows: their
   * clocks were written relative to the legacy id, so the store rebuilds its tables from the log
   * once (see {@link SqliteStore}), and clears the key when that committed.
   */
  static final String REBUILD_CLOCKS = "rebuild_clocks";

  /** Reads or creates the identity, in one SQLite transaction; pins the node's own key. */
  static NodeIdentity open(Connection conn, Meta meta, String name) throws SQLException {
    try (Statement s = conn.createStatement()) {
      s.execute("BEGIN IMMEDIATE");
      try {
        NodeIdentity id = readOrCreate(conn, meta, name);
        s.execute("COMMIT");
        return id;
      } catch (SQLException | RuntimeException e) {
        s.execute("ROLLBACK");
        throw e;
      }
    }
  }

  private static NodeIdentity readOrCreate(Connection conn, Meta meta, String name)
      throws SQLException {
    String stored = meta.get("node");
    String privateText = meta.get("key_private");
    if (stored != null && privateText != null) {
      String retires = meta.get("retires");
      NodeKey key = NodeKey.restore(privateText, HexFormat.of().parseHex(meta.get("key_public")));
      return new NodeIdentity(
          Long.parseLong(stored, 16), key, retires == null ? null : OpId.parse(retires));
    }
    NodeKey key = NodeKey.generate();
    long node;
    OpId retires = null;
    if (stored != null) {
      long legacy = Long.parseLong(stored, 16);
      node = key.fingerprint();
      Meta.Version last = meta.versions().get(legacy);
      if (last != null) {
        retires = last.tx();
        meta.put("retires", retires.toString());
        // rows keep the clocks of their own node without the node (ClockVector): re-encode them
        meta.put(REBUILD_CLOCKS, "1");
        KeyTable.save(conn, Map.of(legacy, KeyPins.Pin.retired(retires)));
      }
    } else {
      node = name == null ? key.fingerprint() : chosen(name);
    }
    meta.put("node", String.format(Locale.ROOT, "%012x", node));
    meta.put("key_private", key.privateText());
    meta.put("key_public", HexFormat.of().formatHex(key.publicKey()));
    KeyTable.save(conn, Map.of(node, KeyPins.Pin.key(key.publicKey())));
    return new NodeIdentity(node, key, retires);
  }

  /** A chosen node id: 12 hex digits as is, other text hashed; never a fingerprint. */
  private static long chosen(String name) throws SQLException {
    if (name.matches("[0-9a-fA-F]{12}")) {
      long node = Long.parseLong(name, 16);
      if (Ed25519.isFingerprint(node)) {
        throw Errors.of(
            SqlState.INVALID_PARAMETER_VALUE,
            "node id "
                + name
                + " is reserved for key fingerprints: a chosen node id is below 800000000000");
      }
      return node;
    }
    try {
      byte[] h = MessageDigest.getInstance("SHA-256").digest(name.getBytes(StandardCharsets.UTF_8));
      long node = 0;
      for (int i = 0; i < 6; i++) {
        node = node << 8 | (h[i] & 0xFF);
      }
      return node & (Ed25519.FINGERPRINT_BIT - 1);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by the Java platform", e);
    }
  }
}
