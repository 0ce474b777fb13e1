package io.pluresdb.tck.slt;

/**
 * One record of a script that did not behave as the corpus expects.
 *
 * @param line the 1-based line of the record's header, its identity in known-failure lists
 * @param reason what went wrong (mismatch kind or the SQLState and message of the error)
 * @param sql the statement or query text
 */
record SltFailure(int line, String reason, String sql) {
  @Override
  public String toString() {
    return line + ": " + reason + "\n    " + sql;
  }
}
