/**
 * DDL statements as parsed: SqlNode classes for CREATE/DROP TABLE, ALTER TABLE, CREATE/DROP INDEX
 * and CREATE/DROP VIEW, holding immutable records of what was declared. Each node unparses back to
 * canonical SQL.
 */
@NullMarked
package io.pluresdb.sql.parser.ddl;

import org.jspecify.annotations.NullMarked;
