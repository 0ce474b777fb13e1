/**
 * Writes: INSERT, UPDATE and DELETE become operations through the store's write transaction; the
 * rows an UPDATE or DELETE affects (and their new values) are found by one pushed-down query.
 */
package io.pluresdb.planner.write;
