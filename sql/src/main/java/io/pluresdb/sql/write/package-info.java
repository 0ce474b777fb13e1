/**
 * Writes, compiled: INSERT, UPDATE and DELETE plans, the operations they become and the one
 * pushed-down query that finds the rows an UPDATE or DELETE affects (and their new values).
 */
package io.pluresdb.sql.write;
