package io.pluresdb.crdt.store;

import io.pluresdb.crdt.schema.TableDef;
import java.sql.SQLException;
import org.jspecify.annotations.Nullable;

/**
 * Hears a row that a local write changes on its own account: the child rows a foreign-key action
 * deletes or updates. The engine fires their tables' triggers through it, as SQLite fires a child
 * table's triggers for the rows its ON DELETE and ON UPDATE actions change. Remote applies never
 * call it.
 */
@FunctionalInterface
public interface RowHook {
  /**
   * Runs the {@code timing} (BEFORE or AFTER) triggers of {@code event} (UPDATE or DELETE) for one
   * row; {@code assigned} are the columns an update sets. False when the row is to be left alone
   * ({@code RAISE(IGNORE)}).
   */
  boolean fire(
      WriteTxn txn,
      String timing,
      String event,
      TableDef table,
      Object @Nullable [] old,
      Object @Nullable [] row,
      int @Nullable [] assigned)
      throws SQLException;
}
