/** DDL: CREATE/DROP TABLE, VIEW and INDEX, ALTER TABLE, turned into replicated schema changes. */
package io.pluresdb.sql.ddl;
