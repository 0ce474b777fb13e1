/** Transaction control statements: BEGIN / START TRANSACTION, COMMIT, ROLLBACK. */
@NullMarked
package io.pluresdb.sql.parser.tx;

import org.jspecify.annotations.NullMarked;
