/**
 * Reads: a validated query becomes one SQLite statement (the whole query pushed down), with its
 * result columns and parameter types.
 */
package io.pluresdb.sql.read;
