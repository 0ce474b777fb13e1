/**
 * Compatibility with SQLite's dialect, checked through {@code java.sql} against raw sqlite-jdbc on
 * the same tables and rows.
 */
package io.pluresdb.jdbc.compat;
