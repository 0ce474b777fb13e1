/**
 * Differential testing against raw SQLite: seeded random schemas, data and queries in SQLite's
 * dialect run on sqlite-jdbc and on {@code jdbc:pluresdb:}, which must give the same rows.
 */
package io.pluresdb.tck.differential;
