package io.pluresdb.crdt.store;

import io.pluresdb.crdt.schema.Catalog;
import io.pluresdb.crdt.schema.SchemaChange;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * The one open write transaction. Every call appends operations and updates the materialized tables
 * in the same SQLite transaction; {@link #commit} writes the transaction's log record, commits, and
 * only then publishes the change to the feed.
 *
 * <p>Not thread-safe: owned by the thread (JDBC connection) that began it until commit, rollback or
 * close. Values are canonical (see {@link io.pluresdb.crdt.value.Values}); rows are in declared
 * column order; keys are in {@link io.pluresdb.crdt.schema.TableDef#keyColumns()} order.
 */
public interface WriteTxn extends AutoCloseable {

  /** The schema as this transaction sees it, including its own uncommitted DDL. */
  Catalog catalog();

  /**
   * The writer's SQLite connection, inside this transaction: queries that must see this
   * transaction's own writes (or find the rows an UPDATE or DELETE affects) run here.
   */
  Connection connection();

  /**
   * Inserts a row. With {@link OnConflict#ERROR} a live row with the same key fails with 23505; NOT
   * NULL, CHECK and UNIQUE violations fail with their 23xxx state. Returns false when {@link
   * OnConflict#IGNORE} skipped the row.
   */
  boolean insert(String table, Object[] row, OnConflict onConflict) throws SQLException;

  /** Sets the given columns (declared indexes) of the live row with this key; false if none. */
  boolean update(String table, Object[] key, int[] columns, Object[] values) throws SQLException;

  /** Deletes the live row with this key; false if none. */
  boolean delete(String table, Object[] key) throws SQLException;

  /**
   * Sets what hears the rows foreign-key actions change (null for nothing) and returns what heard
   * them before, so a caller can put it back.
   */
  default @org.jspecify.annotations.Nullable RowHook rowHook(
      @org.jspecify.annotations.Nullable RowHook hook) {
    return null;
  }

  /** Applies a schema change (validated: 42P07 for an existing table, 42P01 for a missing one). */
  void schema(SchemaChange change) throws SQLException;

  /**
   * The value of a column's DEFAULT expression, evaluated by SQLite now and converted to the
   * column's canonical value (null when the column has no default). Callers that insert a row
   * without some columns fill them with this, since {@link #insert} takes whole rows.
   */
  default Object defaultValue(String table, int column) throws SQLException {
    io.pluresdb.crdt.schema.TableDef t = catalog().table(table);
    if (t == null) {
      throw io.pluresdb.crdt.error.Errors.of(
          io.pluresdb.crdt.error.SqlState.UNDEFINED_TABLE, "table '" + table + "' does not exist");
    }
    io.pluresdb.crdt.schema.ColumnDef c = t.columns().get(column);
    if (c.defaultSql() == null) {
      return null;
    }
    try (java.sql.Statement s = connection().createStatement();
        java.sql.ResultSet rs = s.executeQuery("SELECT (" + c.defaultSql() + ")")) {
      rs.next();
      return io.pluresdb.crdt.value.Values.coerce(rs.getObject(1), c, table);
    }
  }

  /**
   * The next generated key of a column (declared index) that {@link
   * io.pluresdb.crdt.schema.KeyRange#generated} says is generated: one more than the largest key of
   * this node's block in the table (see {@link io.pluresdb.crdt.schema.KeyRange}); 22003 naming the
   * column when the block is used up or the column's type has no block for this node.
   */
  long nextKey(String table, int column) throws SQLException;

  /** A sequence value: the highest of {@code count} reserved ids (see {@link Store#reserveIds}). */
  long reserveIds(int count) throws SQLException;

  /** Marks a point to roll back to if a statement fails (statement-level atomicity). */
  int mark() throws SQLException;

  /** Undoes everything after the mark, keeping the transaction open. */
  void rollbackTo(int mark) throws SQLException;

  /** Forgets the mark, keeping what was done after it. */
  void release(int mark) throws SQLException;

  /** True while the transaction has written nothing (so commit is a no-op). */
  boolean isEmpty();

  /** Commits: log record, materialized rows and clocks in one SQLite commit, then publishes. */
  void commit() throws SQLException;

  /** Discards everything this transaction did and releases the writer. */
  void rollback() throws SQLException;

  /** Rolls back unless committed. */
  @Override
  void close() throws SQLException;
}
