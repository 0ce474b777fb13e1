package io.pluresdb.crdt.store;

import io.pluresdb.crdt.clock.OpId;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;

/**
 * The table {@code _pl_keys}: one row per pinned node id, its public key or, for a retired legacy
 * id, the last transaction it may have written unsigned (see {@link KeyPins.Pin}).
 *
 * <p>Not thread-safe: used while opening, then by the holder of the writer permit.
 */
final class KeyTable {
  static final String DDL =
      "CREATE TABLE IF NOT EXISTS _pl_keys (node INTEGER PRIMARY KEY, key BLOB, retired BLOB)";

  private static final String UPSERT =
      "INSERT INTO _pl_keys(node, key, retired) VALUES (?,?,?)"
          + " ON CONFLICT(node) DO UPDATE SET key=excluded.key, retired=excluded.retired";

  private KeyTable() {}

  static Map<Long, KeyPins.Pin> load(Connection conn) throws SQLException {
    Map<Long, KeyPins.Pin> out = new HashMap<>();
    try (Statement s = conn.createStatement();
        ResultSet rs = s.executeQuery("SELECT node, key, retired FROM _pl_keys")) {
      while (rs.next()) {
        byte[] retired = rs.getBytes(3);
        out.put(
            rs.getLong(1),
            new KeyPins.Pin(rs.getBytes(2), retired == null ? null : OpId.fromBytes(retired)));
      }
    }
    return out;
  }

  /** Writes pins with a statement of the caller's connection (the writer's or the opener's). */
  static void save(PreparedStatement upsert, Map<Long, KeyPins.Pin> pins) throws SQLException {
    for (Map.Entry<Long, KeyPins.Pin> e : pins.entrySet()) {
      KeyPins.Pin p = e.getValue();
      upsert.setLong(1, e.getKey());
      upsert.setBytes(2, p.key());
      upsert.setBytes(3, p.retiredAfter() == null ? null : p.retiredAfter().toBytes());
      upsert.executeUpdate();
    }
  }

  static void save(Writer w, Map<Long, KeyPins.Pin> pins) throws SQLException {
    if (!pins.isEmpty()) {
      save(w.prepare(UPSERT), pins);
    }
  }

  static void save(Connection conn, Map<Long, KeyPins.Pin> pins) throws SQLException {
    try (PreparedStatement ps = conn.prepareStatement(UPSERT)) {
      save(ps, pins);
    }
  }
}
