/**
 * JDBC conformance of {@code jdbc:pluresdb:} through {@code java.sql} only, one test class per area
 * of the API: registration, connections, transactions, statements, result sets, metadata, errors,
 * durability and sharing.
 */
package io.pluresdb.tck.jdbc;
