/**
 * Black-box tests of the {@code jdbc:pluresdb:} driver through {@code java.sql} only: JDBC
 * conformance by feature area and SQLite's sqllogictest corpus.
 */
package io.pluresdb.tck;
