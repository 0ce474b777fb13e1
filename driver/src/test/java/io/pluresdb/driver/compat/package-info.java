/** PluresDB's answers compared with raw SQLite's, through {@code java.sql}. */
package io.pluresdb.driver.compat;
