/**
 * Executing write and DDL plans in a store write transaction: affected rows found by the plan's
 * pushed-down query, turned into operations, generated keys collected.
 */
package io.pluresdb.engine.exec;
