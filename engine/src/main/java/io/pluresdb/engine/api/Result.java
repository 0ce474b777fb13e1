package io.pluresdb.engine.api;

/** What executing a statement produced. */
public sealed interface Result {
  /** Rows to read. */
  record Rows(Cursor cursor) implements Result {}

  /** An update count, with the generated keys when they were asked for (else null). */
  record Count(long count, Cursor generatedKeys) implements Result {}
}
