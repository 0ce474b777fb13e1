package io.pluresdb.engine.exec;

import java.sql.Statement;

/** Told which SQLite statement is running, so that a cancel or timeout can interrupt it. */
@FunctionalInterface
public interface StatementWatch {
  /** {@code statement} is about to run; null once it is done. */
  void running(Statement statement);
}
