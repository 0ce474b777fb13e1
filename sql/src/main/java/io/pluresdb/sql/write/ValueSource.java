package io.pluresdb.sql.write;

import io.pluresdb.sql.read.ReadPlan;

/** Where one written value comes from. Immutable. */
public sealed interface ValueSource {
  /** A literal, converted to the column's type when the statement runs. */
  record Constant(Object value) implements ValueSource {}

  /** A user parameter (0-based index). */
  record Param(int index) implements ValueSource {}

  /** The column's DEFAULT (or a generated identity value). */
  record Default() implements ValueSource {}

  /** An expression SQLite evaluates: a one-row, one-column query. */
  record Pushed(ReadPlan query) implements ValueSource {}

  /** {@code NEXT VALUE FOR sequence}: a value reserved when the row is written. */
  record NextValue(String sequence) implements ValueSource {}

  /** Column {@code column} (0-based) of the row found by the statement's pushed-down query. */
  record FromRow(int column) implements ValueSource {}
}
