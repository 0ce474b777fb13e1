package io.pluresdb.crdt.schema;

import org.jspecify.annotations.Nullable;

/**
 * A declared column of a collection.
 *
 * @param name the column name as stored (unquoted names are folded to lower case by the parser)
 * @param type the declared type
 * @param precision length, precision or vector dimension; 0 when not given
 * @param scale decimal scale; 0 when not given
 * @param nullable false for NOT NULL (and primary key) columns
 * @param defaultSql the DEFAULT expression as SQLite SQL text, or null
 * @param autoIncrement true for identity columns (also {@code AUTOINCREMENT}): filled with keys of
 *     this node's {@link KeyRange} that are never reused
 */
public record ColumnDef(
    String name,
    ColumnType type,
    int precision,
    int scale,
    boolean nullable,
    @Nullable String defaultSql,
    boolean autoIncrement) {

  public static ColumnDef of(String name, ColumnType type) {
    return new ColumnDef(name, type, 0, 0, true, null, false);
  }
}
