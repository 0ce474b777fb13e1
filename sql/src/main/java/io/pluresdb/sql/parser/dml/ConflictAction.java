package io.pluresdb.sql.parser.dml;

/** What an insert does with a row whose key already exists. */
public enum ConflictAction {
  /** {@code ON CONFLICT DO NOTHING} or {@code INSERT OR IGNORE}: skip the row. */
  NOTHING,
  /** {@code ON CONFLICT DO UPDATE SET ...}: update the existing row instead. */
  UPDATE,
  /** {@code INSERT OR REPLACE}: the new row replaces the existing one (SQLite's semantics). */
  REPLACE
}
