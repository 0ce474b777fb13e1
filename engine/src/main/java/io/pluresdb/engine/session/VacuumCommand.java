package io.pluresdb.engine.session;

import io.pluresdb.crdt.error.Errors;
import io.pluresdb.crdt.error.SqlState;
import io.pluresdb.crdt.store.Store;
import io.pluresdb.sql.plan.Plan;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.sql.SQLException;
import org.jspecify.annotations.Nullable;

/** {@code VACUUM [INTO 'file']} of a session. */
final class VacuumCommand {
  private VacuumCommand() {}

  /** Refused in a transaction, as SQLite does; INTO only copies, so a read-only session may. */
  static void run(Plan.Vacuum v, TransactionScope scope, Store store) throws SQLException {
    if (scope.open() != null) {
      throw Errors.of(SqlState.ACTIVE_SQL_TRANSACTION, "cannot VACUUM from within a transaction");
    }
    if (v.into() == null) {
      scope.checkWritable();
    }
    @Nullable Path into;
    try {
      into = v.into() == null ? null : Path.of(v.into());
    } catch (InvalidPathException e) {
      throw Errors.of(SqlState.INVALID_PARAMETER_VALUE, "VACUUM INTO: " + e.getMessage(), e);
    }
    store.vacuum(into);
  }
}
