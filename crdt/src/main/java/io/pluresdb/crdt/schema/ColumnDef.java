package io.pluresdb.crdt.schema;

import org.jspecify.annotations.Nullable;

/**
 * A declared column of a collection.
 *
 * @param name the column name as written; it matches in any case (see {@link Names})
 * @param type the declared type
 * @param precision length, precision or vector dimension; 0 when not given
 * @param scale decimal scale; 0 when not given
 * @param nullable false for NOT NULL (and primary key) columns
 * @param defaultSql the DEFAULT expression as SQLite SQL text, or null
 * @param autoIncrement true for identity columns (also {@code AUTOINCREMENT}): filled with keys of
 *     this node's {@link KeyRange} that are never reused
 * @param declaredType the type as the statement wrote it ({@code VARCHAR(100)}, {@code int}), which
 *     SQLite's {@code PRAGMA table_info} and {@code sqlite_schema} show; null when not known (a
 *     column made before the words were kept, or derived from a query), and empty for a column
 *     declared without a type
 * @param collation the column's {@code COLLATE} name in upper case ({@code NOCASE}, {@code RTRIM}),
 *     or null for SQLite's default, {@code BINARY}
 * @param generatedSql the expression of {@code GENERATED ALWAYS AS (expr)} as SQLite SQL text over
 *     the row's other columns, or null: the writing node computes it on each insert and on each
 *     update of a column it reads, and the value replicates like any field (a receiving node never
 *     recomputes it)
 */
public record ColumnDef(
    String name,
    ColumnType type,
    int precision,
    int scale,
    boolean nullable,
    @Nullable String defaultSql,
    boolean autoIncrement,
    @Nullable String declaredType,
    @Nullable String collation,
    @Nullable String generatedSql) {

  /** A column that is not generated. */
  public ColumnDef(
      String name,
      ColumnType type,
      int precision,
      int scale,
      boolean nullable,
      @Nullable String defaultSql,
      boolean autoIncrement,
      @Nullable String declaredType,
      @Nullable String collation) {
    this(
        name,
        type,
        precision,
        scale,
        nullable,
        defaultSql,
        autoIncrement,
        declaredType,
        collation,
        null);
  }

  /** True for a {@code GENERATED ALWAYS AS (expr)} column. */
  public boolean generated() {
    return generatedSql != null;
  }

  /** This column computed by another expression (SQLite SQL text), or by none. */
  public ColumnDef withGenerated(@Nullable String sql) {
    return new ColumnDef(
        name,
        type,
        precision,
        scale,
        nullable,
        defaultSql,
        autoIncrement,
        declaredType,
        collation,
        sql);
  }

  /** A column without declared words or collation: one made by the catalog, not by DDL text. */
  public ColumnDef(
      String name,
      ColumnType type,
      int precision,
      int scale,
      boolean nullable,
      @Nullable String defaultSql,
      boolean autoIncrement) {
    this(name, type, precision, scale, nullable, defaultSql, autoIncrement, null, null);
  }

  public static ColumnDef of(String name, ColumnType type) {
    return new ColumnDef(name, type, 0, 0, true, null, false);
  }

  /** This column under another name. */
  public ColumnDef withName(String to) {
    return new ColumnDef(
        to,
        type,
        precision,
        scale,
        nullable,
        defaultSql,
        autoIncrement,
        declaredType,
        collation,
        generatedSql);
  }

  /** This column, nullable or NOT NULL. */
  public ColumnDef withNullable(boolean canBeNull) {
    return new ColumnDef(
        name,
        type,
        precision,
        scale,
        canBeNull,
        defaultSql,
        autoIncrement,
        declaredType,
        collation,
        generatedSql);
  }

  /** This column with another DEFAULT (SQLite SQL text), or none. */
  public ColumnDef withDefault(@Nullable String sql) {
    return new ColumnDef(
        name,
        type,
        precision,
        scale,
        nullable,
        sql,
        autoIncrement,
        declaredType,
        collation,
        generatedSql);
  }

  /** This column declared with another type. */
  public ColumnDef withType(
      ColumnType to, int newPrecision, int newScale, @Nullable String written) {
    return new ColumnDef(
        name,
        to,
        newPrecision,
        newScale,
        nullable,
        defaultSql,
        autoIncrement,
        written,
        collation,
        generatedSql);
  }
}
