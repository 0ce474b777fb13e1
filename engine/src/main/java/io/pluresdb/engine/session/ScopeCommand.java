package io.pluresdb.engine.session;

import io.pluresdb.crdt.error.Errors;
import io.pluresdb.crdt.error.SqlState;
import io.pluresdb.sync.scope.Scope;
import io.pluresdb.sync.scope.ScopeSet;
import io.pluresdb.sync.scope.ScopeStatements;
import java.sql.SQLException;

/**
 * Runs CREATE SCOPE and DROP SCOPE on the node's {@link ScopeSet}: its sessions with the node it
 * syncs with open again with the new scopes, and that node sends the new slice.
 *
 * <p>Stateless.
 */
final class ScopeCommand {
  private ScopeCommand() {}

  static void run(String sql, ScopeSet scopes) throws SQLException {
    ScopeStatements.Statement s = ScopeStatements.read(sql);
    if (s == null) {
      throw Errors.of(SqlState.SYNTAX_ERROR, "not a scope statement: " + sql);
    }
    Scope create = s.create();
    if (create != null) {
      if (!scopes.add(create)) {
        throw Errors.of(SqlState.DUPLICATE_OBJECT, "scope " + create.name() + " already exists");
      }
    } else if (!scopes.drop(String.valueOf(s.drop())) && !s.ifExists()) {
      throw Errors.of(SqlState.UNDEFINED_OBJECT, "scope " + s.drop() + " does not exist");
    }
  }
}
