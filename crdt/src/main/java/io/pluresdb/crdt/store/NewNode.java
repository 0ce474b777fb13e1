package io.pluresdb.crdt.store;

import io.pluresdb.crdt.error.Errors;
import io.pluresdb.crdt.error.SqlState;
import io.pluresdb.crdt.sign.NodeKey;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;

/**
 * Turns a copy of a store's file (see {@link Store#vacuumInto}) into a new node of the same
 * database (see {@link Store#becomeNewNode}).
 *
 * <p>Two live stores with one node id would issue different transactions under the same ids and
 * version-vector entries, which replication cannot tell apart. So the copy gets a key pair and node
 * id of its own; the original's transactions stay in its log as another node's, signed by the
 * original, whose key stays pinned. The copy gives up what was the original's alone: its legacy id
 * retirement, its node number and pool of numbers (the copy has no number: 64-bit generated keys
 * come from its clock; a 32-bit one must be given), and the high-water marks of its key block. Rows
 * keep their own node's clocks without the node (see {@link ClockVector}), so the copy rebuilds its
 * tables from the log once when it is first opened ({@link NodeIdentity#REBUILD_CLOCKS}).
 *
 * <p>Stateless; the file must not be open in any store meanwhile.
 */
final class NewNode {
  private NewNode() {}

  /** Gives the store file {@code file} a new node identity; returns the new node id. */
  static String convert(Path file) throws SQLException {
    Path path = file.toAbsolutePath();
    if (!Files.isRegularFile(path)) {
      throw Errors.of(SqlState.IO_ERROR, "database file '" + path + "' is missing");
    }
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + path);
        Statement s = c.createStatement()) {
      s.execute("BEGIN IMMEDIATE");
      try {
        String node = rekey(c, s, path);
        s.execute("COMMIT");
        return node;
      } catch (SQLException | RuntimeException e) {
        s.execute("ROLLBACK");
        throw e;
      }
    }
  }

  private static String rekey(Connection c, Statement s, Path path) throws SQLException {
    Meta meta = new Meta(c);
    boolean made;
    try (ResultSet rs = s.executeQuery("SELECT 1 FROM sqlite_schema WHERE name = '_pl_meta'")) {
      made = rs.next();
    }
    if (!made || meta.get("key_private") == null) {
      throw Errors.of(
          SqlState.OBJECT_NOT_IN_PREREQUISITE_STATE,
          "'" + path + "' is not the file of a PluresDB node");
    }
    NodeKey key = NodeKey.generate();
    long id = key.fingerprint();
    String node = String.format(Locale.ROOT, "%012x", id);
    meta.put("node", node);
    meta.put("key_private", key.privateText());
    meta.put("key_public", HexFormat.of().formatHex(key.publicKey()));
    meta.delete("retires");
    meta.put(DatabaseIdentity.NODE_NUMBER, "-1");
    meta.delete(DatabaseIdentity.NUMBER_NEXT);
    s.executeUpdate("DELETE FROM _pl_meta WHERE k LIKE 'seq:%'");
    // a node of an existing database, never a creator that could adopt another one
    meta.adoptDatabase(meta.databaseId());
    meta.put(NodeIdentity.REBUILD_CLOCKS, "1");
    KeyTable.save(c, Map.of(id, KeyPins.Pin.key(key.publicKey())));
    return node;
  }
}
