package io.pluresdb.crdt.store;

import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * Appends to {@code _pl_conflicts}, where what the merge resolved without SQL's consent (schema
 * clashes, values of a losing declaration, refused schema changes) is kept for users to query.
 *
 * <p>Not thread-safe: used by the writer only.
 */
final class ConflictLog {
  private ConflictLog() {}

  static void record(Writer w, String table, String entity, String op, String kind, String detail)
      throws SQLException {
    PreparedStatement c =
        w.prepare("INSERT INTO _pl_conflicts(tbl, entity, op, kind, detail) VALUES (?,?,?,?,?)");
    c.setString(1, table);
    c.setString(2, entity);
    c.setString(3, op);
    c.setString(4, kind);
    c.setString(5, detail);
    c.executeUpdate();
  }
}
