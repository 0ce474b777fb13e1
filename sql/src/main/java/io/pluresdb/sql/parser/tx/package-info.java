/** Transaction control statements: BEGIN / START TRANSACTION, COMMIT, ROLLBACK. */
package io.pluresdb.sql.parser.tx;
