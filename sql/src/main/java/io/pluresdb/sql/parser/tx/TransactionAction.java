package io.pluresdb.sql.parser.tx;

/** What a transaction control statement does. */
public enum TransactionAction {
  /** {@code BEGIN [TRANSACTION | WORK]} or {@code START TRANSACTION}. */
  BEGIN,
  /** {@code COMMIT [WORK | TRANSACTION]}. */
  COMMIT,
  /** {@code ROLLBACK [WORK | TRANSACTION]}. */
  ROLLBACK
}
