/**
 * SQLite's sqllogictest corpus (bundled by {@code net.hydromatic:sql-logic-test}) run through any
 * JDBC URL, with per-file lists of known failures that the build checks in both directions.
 */
package io.pluresdb.tck.slt;
