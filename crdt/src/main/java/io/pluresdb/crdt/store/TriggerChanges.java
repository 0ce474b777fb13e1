package io.pluresdb.crdt.store;

import io.pluresdb.crdt.error.Errors;
import io.pluresdb.crdt.error.SqlState;
import io.pluresdb.crdt.schema.Catalog;
import io.pluresdb.crdt.schema.Names;
import io.pluresdb.crdt.schema.SchemaChange;
import io.pluresdb.crdt.schema.TableDef;
import io.pluresdb.crdt.schema.TriggerDef;
import java.sql.SQLException;
import java.util.Map;

/**
 * CREATE TRIGGER and DROP TRIGGER on the catalog. A trigger lives in the catalog only: no SQLite
 * trigger is made on the materialized table, since that would fire again when remote operations are
 * applied; the engine fires it for local writes (see {@link TriggerDef}).
 */
final class TriggerChanges {
  private TriggerChanges() {}

  static Catalog apply(Catalog cat, SchemaChange change) throws SQLException {
    Map<String, TriggerDef> triggers = Names.copy(cat.triggers());
    if (change instanceof SchemaChange.CreateTrigger c) {
      TriggerDef t = c.trigger();
      if (triggers.containsKey(t.name())) {
        throw Errors.of(SqlState.DUPLICATE_OBJECT, "trigger '" + t.name() + "' already exists");
      }
      TableDef table = cat.table(t.table());
      boolean view = cat.views().containsKey(t.table());
      if (table == null && !view) {
        throw Errors.of(
            SqlState.UNDEFINED_TABLE,
            "table '" + t.table() + "' of trigger '" + t.name() + "' does not exist");
      }
      boolean insteadOf = t.timing().equals("INSTEAD OF");
      if (view && !insteadOf) {
        throw Errors.of(
            SqlState.WRONG_OBJECT_TYPE,
            "cannot create "
                + t.timing()
                + " trigger '"
                + t.name()
                + "' on view '"
                + t.table()
                + "'");
      }
      if (!view && insteadOf) {
        throw Errors.of(
            SqlState.WRONG_OBJECT_TYPE,
            "cannot create INSTEAD OF trigger '" + t.name() + "' on table '" + t.table() + "'");
      }
      if (table != null) {
        for (String col : t.columns()) {
          if (table.columnIndex(col) < 0) {
            throw Errors.of(
                SqlState.UNDEFINED_COLUMN,
                "column '" + col + "' of table '" + t.table() + "' does not exist");
          }
        }
      }
      triggers.put(t.name(), t);
    } else if (change instanceof SchemaChange.DropTrigger d
        && triggers.remove(d.trigger()) == null) {
      throw Errors.of(SqlState.UNDEFINED_OBJECT, "trigger '" + d.trigger() + "' does not exist");
    }
    return cat.withRules(cat.version() + 1, triggers, cat.policies());
  }
}
