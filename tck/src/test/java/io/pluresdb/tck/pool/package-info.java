/**
 * Connection pools over {@code PluresDataSource}: HikariCP validates, resets, times out and aborts
 * PluresDB connections as it does any JDBC driver's.
 */
package io.pluresdb.tck.pool;
