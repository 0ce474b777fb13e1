package io.pluresdb.sql.parser.dml;

/**
 * SQLite's conflict clause of an INSERT or UPDATE ({@code INSERT OR FAIL}, {@code UPDATE OR IGNORE}
 * …): what happens when a row of the statement violates a constraint.
 */
public enum ConflictResolution {
  /** The default: the statement fails and is undone; earlier statements of the transaction stay. */
  ABORT,
  /** The statement fails and keeps the rows it changed before the failing one. */
  FAIL,
  /** The statement fails and the whole transaction it ran in is rolled back. */
  ROLLBACK,
  /** The failing row is skipped; the statement goes on. */
  IGNORE,
  /** The rows a UNIQUE or key conflict names are deleted first; a NULL takes the default. */
  REPLACE
}
