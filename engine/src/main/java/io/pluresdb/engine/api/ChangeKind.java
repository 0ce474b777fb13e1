package io.pluresdb.engine.api;

/** What a live-query row says about the query's result. */
public enum ChangeKind {
  /** A row of the result when the subscription started (or after a {@link #RESET}). */
  INITIAL,
  /** A row entered the result. */
  INSERT,
  /** A row of the result changed and is still in it; the row carries the new values. */
  UPDATE,
  /** A row left the result; the row carries its last values. */
  DELETE,
  /**
   * The subscriber fell behind its buffer: forget the rows received so far; the current result
   * follows as {@link #INITIAL} rows. The RESET row's own query columns are null.
   */
  RESET
}
