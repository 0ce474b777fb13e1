package io.pluresdb.crdt.store;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Locale;

/**
 * Records a refused authorship where users can query it: a row of {@code _pl_conflicts} with kind
 * {@code AUTHORSHIP}, table {@code _pl_log}, entity the node id, op the transaction id and detail
 * the reason. The caller commits it (alone, or with the call that dropped a pending record).
 *
 * <p>Not thread-safe: runs while the store's writer permit is held.
 */
final class AuthorshipReport {
  static final String KIND = "AUTHORSHIP";

  private AuthorshipReport() {}

  static void record(Writer w, ApplyResult.Forged forged) throws SQLException {
    PreparedStatement ps =
        w.prepare("INSERT INTO _pl_conflicts(tbl, entity, op, kind, detail) VALUES (?,?,?,?,?)");
    ps.setString(1, "_pl_log");
    ps.setString(2, String.format(Locale.ROOT, "%012x", forged.tx().node()));
    ps.setString(3, forged.tx().toString());
    ps.setString(4, KIND);
    ps.setString(5, forged.reason());
    ps.executeUpdate();
  }
}
