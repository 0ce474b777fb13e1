package io.pluresdb.crdt.store;

import io.pluresdb.crdt.error.Errors;
import io.pluresdb.crdt.error.SqlState;
import io.pluresdb.crdt.schema.Catalog;
import io.pluresdb.crdt.schema.Names;
import io.pluresdb.crdt.schema.PolicyDef;
import io.pluresdb.crdt.schema.SchemaChange;
import java.sql.SQLException;
import java.util.Map;

/**
 * CREATE POLICY and DROP POLICY on the catalog. A policy lives in the catalog only: the node that
 * accepts a peer's writes evaluates it (see {@link PolicyDef}); local writes of the node's own
 * connections are not held to it, as a table's owner is not in PostgreSQL.
 */
final class PolicyChanges {
  private PolicyChanges() {}

  static Catalog apply(Catalog cat, SchemaChange change) throws SQLException {
    Map<String, PolicyDef> policies = Names.copy(cat.policies());
    if (change instanceof SchemaChange.CreatePolicy c) {
      PolicyDef p = c.policy();
      if (cat.table(p.table()) == null) {
        throw Errors.of(
            SqlState.UNDEFINED_TABLE,
            "table '" + p.table() + "' of policy '" + p.name() + "' does not exist");
      }
      if (policies.putIfAbsent(p.key(), p) != null) {
        throw Errors.of(
            SqlState.DUPLICATE_OBJECT,
            "policy '" + p.name() + "' for table '" + p.table() + "' already exists");
      }
    } else if (change instanceof SchemaChange.DropPolicy d
        && policies.remove(PolicyDef.key(d.table(), d.policy())) == null) {
      throw Errors.of(
          SqlState.UNDEFINED_OBJECT,
          "policy '" + d.policy() + "' for table '" + d.table() + "' does not exist");
    }
    return cat.withRules(cat.version() + 1, cat.triggers(), policies);
  }
}
