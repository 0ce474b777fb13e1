package io.pluresdb.engine.exec;

import io.pluresdb.crdt.schema.Catalog;
import io.pluresdb.crdt.schema.TableDef;
import io.pluresdb.crdt.store.RowHook;
import io.pluresdb.crdt.store.WriteTxn;
import org.jspecify.annotations.Nullable;

/**
 * Fires the triggers of a table for one row a local write changes (SQLite's FOR EACH ROW). Remote
 * operations are applied by the store without passing here, so a trigger never fires twice for one
 * change: its effects travel as the ordinary operations of the transaction that fired it. {@link
 * #fire} runs the {@code timing} (BEFORE or AFTER) triggers of an event (INSERT, UPDATE or DELETE)
 * for one row, also for the rows foreign-key actions change.
 */
public interface RowTriggers extends RowHook {
  /** No triggers: writes of trigger-less callers (CREATE TABLE AS fills). */
  RowTriggers NONE =
      new RowTriggers() {
        @Override
        public boolean any(Catalog catalog, String table, String event) {
          return false;
        }

        @Override
        public boolean fire(
            WriteTxn txn,
            String timing,
            String event,
            TableDef table,
            Object @Nullable [] old,
            Object @Nullable [] row,
            int @Nullable [] assigned) {
          return true;
        }
      };

  /** Whether {@code table} has a trigger on {@code event} (INSERT, UPDATE or DELETE). */
  boolean any(Catalog catalog, String table, String event);
}
