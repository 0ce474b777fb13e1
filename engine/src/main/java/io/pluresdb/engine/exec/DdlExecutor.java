package io.pluresdb.engine.exec;

import io.pluresdb.crdt.schema.Catalog;
import io.pluresdb.crdt.schema.Names;
import io.pluresdb.crdt.schema.PolicyDef;
import io.pluresdb.crdt.schema.SchemaChange;
import io.pluresdb.crdt.store.WriteTxn;
import io.pluresdb.sql.plan.Plan;
import io.pluresdb.sql.vector.HnswOptions;
import java.sql.SQLException;

/**
 * Executes a planned schema change in a write transaction, resolving IF [NOT] EXISTS against the
 * catalog the transaction sees at that moment (not the one the plan was made for).
 */
public final class DdlExecutor {
  private DdlExecutor() {}

  /**
   * Applies the change unless its IF [NOT] EXISTS says there is nothing to do; true when applied.
   */
  public static boolean apply(WriteTxn t, Plan.Ddl ddl) throws SQLException {
    Catalog c = t.catalog();
    SchemaChange change = ddl.change();
    if (ddl.ifNotExists()
        && change instanceof SchemaChange.CreateTable ct
        && (c.tables().containsKey(ct.table().name())
            || c.views().containsKey(ct.table().name()))) {
      return false;
    }
    if (ddl.ifNotExists()
        && change instanceof SchemaChange.CreateSequence cs
        && c.sequences().containsKey(cs.sequence().name())) {
      return false;
    }
    if (ddl.ifNotExists()
        && change instanceof SchemaChange.CreateTrigger ct
        && c.triggers().containsKey(ct.trigger().name())) {
      return false;
    }
    if (ddl.ifExists()) {
      if (change instanceof SchemaChange.DropPolicy d
          && !c.policies().containsKey(PolicyDef.key(d.table(), d.policy()))) {
        return false;
      }
      if (change instanceof SchemaChange.DropTrigger d && !c.triggers().containsKey(d.trigger())) {
        return false;
      }
      if (change instanceof SchemaChange.DropSequence d
          && !c.sequences().containsKey(d.sequence())) {
        return false;
      }
      if (change instanceof SchemaChange.DropTable d && !c.tables().containsKey(d.table())) {
        return false;
      }
      if (change instanceof SchemaChange.DropView d && !c.views().containsKey(d.view())) {
        return false;
      }
      if (change instanceof SchemaChange.DropIndex d && !c.indexes().containsKey(d.index())) {
        return false;
      }
      if (change instanceof SchemaChange.AddForeignKey a && c.table(a.table()) == null) {
        return false;
      }
      if (change instanceof SchemaChange.RenameTable r && c.table(r.table()) == null) {
        return false;
      }
      if (change instanceof SchemaChange.RenameColumn r && c.table(r.table()) == null) {
        return false;
      }
      if (change instanceof SchemaChange.DropColumn d && c.table(d.table()) == null) {
        return false;
      }
      if (change instanceof SchemaChange.AlterColumn a && c.table(a.table()) == null) {
        return false;
      }
      if (change instanceof SchemaChange.DropConstraint d
          && (c.table(d.table()) == null
              || c.table(d.table()).foreignKeys().stream()
                  .noneMatch(fk -> Names.same(d.constraint(), fk.name())))) {
        return false;
      }
    }
    if (change instanceof SchemaChange.CreateIndex ci && HnswOptions.isHnsw(ci.index())) {
      HnswOptions.spec(ci.index(), c); // the column must be a VECTOR(n) of the table as it is now
    }
    t.schema(change);
    return true;
  }
}
