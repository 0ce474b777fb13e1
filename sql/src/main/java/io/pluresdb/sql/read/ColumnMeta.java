package io.pluresdb.sql.read;

import io.pluresdb.crdt.schema.ColumnDef;
import io.pluresdb.crdt.schema.ColumnType;
import io.pluresdb.crdt.schema.TableDef;

/**
 * A result column, as {@code ResultSetMetaData} reports it.
 *
 * @param label the column label (alias or name)
 * @param name the underlying column name, or the label for expressions
 * @param table the underlying table, or "" for expressions
 * @param type the column's type; values read through a cursor are canonical for it
 * @param precision length or precision; 0 if unknown
 * @param scale scale; 0 if unknown
 * @param nullable whether the column may be null
 * @param autoIncrement whether the column is an identity column
 * @param dynamic whether each value keeps the SQLite type it has (an expression SQLite types per
 *     value, such as {@code json_extract}), rather than being read as {@code type}
 */
public record ColumnMeta(
    String label,
    String name,
    String table,
    ColumnType type,
    int precision,
    int scale,
    boolean nullable,
    boolean autoIncrement,
    boolean dynamic) {

  /** A column whose values are read as its type. */
  public ColumnMeta(
      String label,
      String name,
      String table,
      ColumnType type,
      int precision,
      int scale,
      boolean nullable,
      boolean autoIncrement) {
    this(label, name, table, type, precision, scale, nullable, autoIncrement, false);
  }

  /** This column, its values keeping the SQLite type each has. */
  public ColumnMeta asDynamic() {
    return new ColumnMeta(
        label, name, table, type, precision, scale, nullable, autoIncrement, true);
  }

  public static ColumnMeta of(String label, ColumnType type) {
    return new ColumnMeta(label, label, "", type, 0, 0, true, false);
  }

  /** A table's column as a result column, labelled by its name. */
  public static ColumnMeta of(TableDef table, ColumnDef d) {
    return new ColumnMeta(
        d.name(),
        d.name(),
        table.name(),
        d.type(),
        d.precision(),
        d.scale(),
        d.nullable(),
        d.autoIncrement());
  }
}
