package io.pluresdb.sql.parser.tx;

/** What a transaction control statement does. */
public enum TransactionAction {
  /** {@code BEGIN [TRANSACTION | WORK]} or {@code START TRANSACTION}. */
  BEGIN,
  /** {@code COMMIT [WORK | TRANSACTION]}. */
  COMMIT,
  /** {@code ROLLBACK [WORK | TRANSACTION]}. */
  ROLLBACK,
  /** {@code SAVEPOINT name}. */
  SAVEPOINT,
  /** {@code RELEASE [SAVEPOINT] name}. */
  RELEASE,
  /** {@code ROLLBACK [WORK | TRANSACTION] TO [SAVEPOINT] name}. */
  ROLLBACK_TO
}
