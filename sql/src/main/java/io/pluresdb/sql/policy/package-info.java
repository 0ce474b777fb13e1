/** {@code CREATE POLICY} and {@code DROP POLICY}, read with PostgreSQL's grammar. */
@NullMarked
package io.pluresdb.sql.policy;

import org.jspecify.annotations.NullMarked;
