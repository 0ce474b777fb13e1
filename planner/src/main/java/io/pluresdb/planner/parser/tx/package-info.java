/** Transaction control statements: BEGIN / START TRANSACTION, COMMIT, ROLLBACK. */
package io.pluresdb.planner.parser.tx;
